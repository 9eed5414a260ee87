// SPDX-License-Identifier: GPL-3.0-or-later
// The seed's validation rules, each reported as an error that names the field,
// checked on the pure functions and through the repositories on every backend
// (where a rejected value must leave nothing behind).
#include "TestBackends.h"
#include "domain/Stages.h"
#include "domain/Validation.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

QStringList fieldsOf(const QList<FieldError>& errors) {
    QStringList out;
    for (const FieldError& e : errors)
        out << e.field;
    return out;
}

Trip validTrip() {
    Trip t;
    t.title = u"Lisbon in May"_s;
    t.startDate = QDate(2027, 5, 1);
    t.endDate = QDate(2027, 5, 7);
    t.budget = Decimal::parse(u"1500.00", 10, 2);
    t.travelersCount = 2;
    return t;
}

Destination validDestination() {
    Destination d;
    d.name = u"Lisbon"_s;
    d.country = u"Portugal"_s;
    d.latitude = Decimal::parse(u"38.722252", 9, 6);
    d.longitude = Decimal::parse(u"-9.139337", 9, 6);
    return d;
}

// Runs `f`, which must throw a validation Error naming `field`.
template <class F> bool throwsValidation(F&& f, const QString& field, QString* why) {
    try {
        f();
        *why = u"no error was thrown"_s;
        return false;
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Validation) {
            *why = u"kind %1: %2"_s.arg(kindName(e.kind()), e.message());
            return false;
        }
        if (!fieldsOf(e.fieldErrors()).contains(field) || !e.message().contains(field)) {
            *why = u"field not named: %1"_s.arg(e.message());
            return false;
        }
        return true;
    }
}

#define VERIFY_VALIDATION(expr, field)                                                                       \
    do {                                                                                                     \
        QString why_;                                                                                        \
        QVERIFY2(throwsValidation([&] { (void)(expr); }, field, &why_),                                      \
                 qPrintable(u"" #expr ": "_s + why_));                                                       \
    } while (false)

int countRows(Database& db, const QString& table) {
    return col::integer(db.query(u"SELECT count(*) AS n FROM "_s + table).first(), "n");
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validTripHasNoErrors() {
        QCOMPARE(validation::checkTrip(validTrip()), QList<FieldError>());
        QCOMPARE(validation::checkDestination(validDestination()), QList<FieldError>());
        QCOMPARE(validation::checkUsername(u"alice"_s), QList<FieldError>());
        QCOMPARE(validation::checkPreferences(UserPreferences()), QList<FieldError>());
    }

    void title_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("valid");
        QTest::newRow("one char") << u"x"_s << true;
        QTest::newRow("200 chars") << QString(200, u'a') << true;
        QTest::newRow("201 chars") << QString(201, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("spaces only") << u"   \t "_s << false;
        QTest::newRow("2 MB") << QString(2 * 1024 * 1024, u'x') << false;
        QTest::newRow("NUL") << u"Lis\u0000bon"_s << false;
        QTest::newRow("unicode") << u"Zürich, 東京 & Café"_s << true;
    }
    void title() {
        QFETCH(QString, title);
        QFETCH(bool, valid);
        Trip t = validTrip();
        t.title = title;
        const auto errors = validation::checkTrip(t);
        QCOMPARE(errors.isEmpty(), valid);
        if (!valid) {
            QCOMPARE(fieldsOf(errors), QStringList{u"title"_s});
            // The message stays short even for a 2 MB title.
            QVERIFY(errors.first().message.size() < 200);
        }
    }

    // The seed's max_length=200 counts characters, as PostgreSQL's varchar(200)
    // does; a QString's size() counts UTF-16 units, so 200 emoji (400 units)
    // are refused with "it has 400" although the seed and the database accept them.
    void title_countsCharactersNotUtf16Units() {
        QString emoji;
        for (int i = 0; i < 200; ++i)
            emoji += u"\U0001F3DD"_s; // desert island, outside the BMP
        QCOMPARE(emoji.toUcs4().size(), 200);
        Trip t = validTrip();
        t.title = emoji;
        const auto errors = validation::checkTrip(t);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().message));
    }

    void dates() {
        Trip t = validTrip();
        t.startDate = QDate(2027, 5, 7);
        t.endDate = QDate(2027, 5, 1);
        QCOMPARE(fieldsOf(validation::checkTrip(t)), QStringList{u"end_date"_s});
        t.endDate = t.startDate; // same day is fine
        QVERIFY(validation::checkTrip(t).isEmpty());
        t.endDate = QDate();
        QVERIFY(validation::checkTrip(t).isEmpty());
        t.startDate = QDate();
        t.endDate = QDate(2020, 1, 1);
        QVERIFY(validation::checkTrip(t).isEmpty());
        VERIFY_VALIDATION(validation::parseDate(u"start_date"_s, u"2027-02-30"_s), u"start_date"_s);
        VERIFY_VALIDATION(validation::parseDate(u"end_date"_s, u"tomorrow"_s), u"end_date"_s);
        QCOMPARE(validation::parseDate(u"start_date"_s, u" 2027-02-28 "_s), QDate(2027, 2, 28));
    }

    void budgetParse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: rejected
        QTest::newRow("zero") << u"0"_s << u"0.00"_s;
        QTest::newRow("max") << u"99999999.99"_s << u"99999999.99"_s;
        QTest::newRow("one decimal") << u"12.5"_s << u"12.50"_s;
        QTest::newRow("above max") << u"100000000.00"_s << QString();
        QTest::newRow("three decimals") << u"10.001"_s << QString();
        QTest::newRow("negative") << u"-0.01"_s << QString();
        QTest::newRow("garbage") << u"lots"_s << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("float notation") << u"1e3"_s << QString();
    }
    void budgetParse() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        if (expected.isEmpty()) {
            VERIFY_VALIDATION(validation::parseMoney(u"budget"_s, text), u"budget"_s);
        } else {
            QCOMPARE(validation::parseMoney(u"budget"_s, text).toString(), expected);
        }
    }

    void budgetOnTrip() {
        Trip t = validTrip();
        t.budget = Decimal::fromUnits(9'999'999'999, 2);
        QVERIFY(validation::checkTrip(t).isEmpty());
        t.budget = Decimal::fromUnits(0, 2);
        QVERIFY(validation::checkTrip(t).isEmpty());
        t.budget = std::nullopt;
        QVERIFY(validation::checkTrip(t).isEmpty());
        t.budget = Decimal::fromUnits(10'000'000'000, 2);
        QCOMPARE(fieldsOf(validation::checkTrip(t)), QStringList{u"budget"_s});
        t.budget = Decimal::fromUnits(-1, 2);
        QCOMPARE(fieldsOf(validation::checkTrip(t)), QStringList{u"budget"_s});
        t.budget = Decimal::fromUnits(1001, 3); // 1.001: three decimals
        QCOMPARE(fieldsOf(validation::checkTrip(t)), QStringList{u"budget"_s});
    }

    void travellers() {
        Trip t = validTrip();
        for (int n : {1, 2, 50}) {
            t.travelersCount = n;
            QVERIFY(validation::checkTrip(t).isEmpty());
        }
        for (int n : {0, -1, std::numeric_limits<int>::min()}) {
            t.travelersCount = n;
            QCOMPARE(fieldsOf(validation::checkTrip(t)), QStringList{u"travelers_count"_s});
        }
    }

    void tripStatusChoices() {
        Trip t = validTrip();
        QCOMPARE(int(std::size(trip_status::all)), 10);
        for (const QString& s : choiceValues(trip_status::all)) {
            t.status = s;
            QVERIFY2(validation::checkTrip(t).isEmpty(), qPrintable(s));
            QVERIFY(s.size() <= trip_status::MaxLength);
        }
        for (const QString& s : {u"Planning"_s, u"unknown"_s, QString(), u"planning "_s, u"done"_s}) {
            t.status = s;
            QCOMPARE(fieldsOf(validation::checkTrip(t)), QStringList{u"status"_s});
        }
    }

    void severalErrorsAtOnce() {
        Trip t;
        t.title = QString();
        t.startDate = QDate(2027, 1, 2);
        t.endDate = QDate(2027, 1, 1);
        t.travelersCount = 0;
        t.status = u"nope"_s;
        const QStringList fields = fieldsOf(validation::checkTrip(t));
        for (const QString& f : {u"title"_s, u"end_date"_s, u"travelers_count"_s, u"status"_s})
            QVERIFY2(fields.contains(f), qPrintable(f));
        try {
            validation::require(validation::checkTrip(t));
            QFAIL("require() did not throw");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Validation);
            QCOMPARE(e.fieldErrors().size(), 4);
            QVERIFY(e.message().contains(u"title"_s));
            QVERIFY(e.message().contains(u"travelers_count"_s));
        }
    }

    void coordinates_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lat 90") << u"latitude"_s << u"90"_s << true;
        QTest::newRow("lat -90") << u"latitude"_s << u"-90.000000"_s << true;
        QTest::newRow("lat 6 decimals") << u"latitude"_s << u"-8.506900"_s << true;
        QTest::newRow("lat over") << u"latitude"_s << u"90.000001"_s << false;
        QTest::newRow("lat under") << u"latitude"_s << u"-90.000001"_s << false;
        QTest::newRow("lat 7 decimals") << u"latitude"_s << u"12.1234567"_s << false;
        QTest::newRow("lat garbage") << u"latitude"_s << u"north"_s << false;
        QTest::newRow("lon 180") << u"longitude"_s << u"180"_s << true;
        QTest::newRow("lon -180") << u"longitude"_s << u"-180"_s << true;
        QTest::newRow("lon over") << u"longitude"_s << u"180.000001"_s << false;
        QTest::newRow("lon under") << u"longitude"_s << u"-180.5"_s << false;
        QTest::newRow("lon 7 decimals") << u"longitude"_s << u"115.2625001"_s << false;
        QTest::newRow("lon 1000") << u"longitude"_s << u"1000"_s << false;
    }
    void coordinates() {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        auto parse = [&] {
            return field == u"latitude" ? validation::parseLatitude(text) : validation::parseLongitude(text);
        };
        if (valid) {
            const Decimal d = parse();
            QCOMPARE(d.scale(), 6);
        } else {
            VERIFY_VALIDATION(parse(), field);
        }
    }

    void destinationRules() {
        Destination d = validDestination();
        d.latitude = Decimal::fromUnits(90'000'001, 6);
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"latitude"_s});
        d = validDestination();
        d.longitude = Decimal::fromUnits(-180'000'001, 6);
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"longitude"_s});
        d = validDestination();
        d.longitude.reset();
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"longitude"_s});
        d = validDestination();
        d.latitude.reset();
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"latitude"_s});
        d = validDestination();
        d.name = u"  "_s;
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"name"_s});
        d = validDestination();
        d.country = QString();
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"country"_s});
        d = validDestination();
        d.name = QString();
        d.country = QString();
        QCOMPARE(fieldsOf(validation::checkDestination(d)), (QStringList{u"name"_s, u"country"_s}));
        d = validDestination();
        d.name = QString(201, u'n');
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"name"_s});
        d = validDestination();
        d.country = QString(101, u'c');
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"country"_s});
        d = validDestination();
        d.averageCostPerDay = Decimal::fromUnits(-1, 2);
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"average_cost_per_day"_s});
        d.averageCostPerDay = Decimal::fromUnits(99'999'999, 2); // 999,999.99: numeric(8, 2)
        QVERIFY(validation::checkDestination(d).isEmpty());
        d.averageCostPerDay = Decimal::fromUnits(100'000'000, 2);
        QCOMPARE(fieldsOf(validation::checkDestination(d)), QStringList{u"average_cost_per_day"_s});
        d = validDestination();
        d.latitude.reset();
        d.longitude.reset();
        QVERIFY(validation::checkDestination(d).isEmpty());
    }

    void username_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"alice"_s << true;
        QTest::newRow("all allowed signs") << u"a.b@c+d-e_f"_s << true;
        QTest::newRow("digits") << u"user2027"_s << true;
        QTest::newRow("unicode letters") << u"Zoë_Ærø"_s << true;
        QTest::newRow("150 chars") << QString(150, u'u') << true;
        QTest::newRow("151 chars") << QString(151, u'u') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("blank") << u"  "_s << false;
        QTest::newRow("space inside") << u"al ice"_s << false;
        QTest::newRow("exclamation") << u"alice!"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("quote") << u"o'brien"_s << false;
        QTest::newRow("NUL") << u"al\u0000ice"_s << false;
        QTest::newRow("leading space") << u" alice"_s << false;
    }
    void username() {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const auto errors = validation::checkUsername(name);
        QCOMPARE(errors.isEmpty(), valid);
        if (!valid)
            QCOMPARE(fieldsOf(errors), QStringList{u"username"_s});
    }

    // Django's UnicodeUsernameValidator is r"^[\w.@+-]+\Z": "\Z", because "$"
    // also matches before a final newline. A username "alice\n" must be refused.
    void username_trailingNewlineRejected() {
        for (const QString& name : {u"alice\n"_s, u"alice\r\n"_s}) {
            const auto errors = validation::checkUsername(name);
            QVERIFY2(!errors.isEmpty(),
                     qPrintable(u"accepted username with a line break: "_s +
                                QString(name).replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s)));
            QCOMPARE(fieldsOf(errors), QStringList{u"username"_s});
        }
    }

    void preferences() {
        UserPreferences p;
        p.budgetMin = Decimal::fromUnits(500000, 2);
        p.budgetMax = Decimal::fromUnits(300000, 2);
        QCOMPARE(fieldsOf(validation::checkPreferences(p)), QStringList{u"budget_max"_s});
        p.budgetMax = p.budgetMin;
        QVERIFY(validation::checkPreferences(p).isEmpty());
        p.budgetMin = Decimal::fromUnits(-100, 2);
        QCOMPARE(fieldsOf(validation::checkPreferences(p)), QStringList{u"budget_min"_s});
        p = UserPreferences();
        p.preferredGroupSize = -1;
        QCOMPARE(fieldsOf(validation::checkPreferences(p)), QStringList{u"preferred_group_size"_s});
        QCOMPARE(fieldsOf(validation::checkMessageText(QString())), QStringList{u"content"_s});
        QCOMPARE(fieldsOf(validation::checkMessageText(u"  "_s)), QStringList{u"content"_s});
        QVERIFY(validation::checkMessageText(u"hi"_s).isEmpty());
    }

    void stageChoices() {
        QCOMPARE(int(std::size(planning_stage::all)), 7);
        QCOMPARE(int(std::size(conversation_stage::all)), 6);
        QCOMPARE(choiceValues(planning_stage::all),
                 (QStringList{u"destination"_s, u"accommodation"_s, u"flights"_s, u"activities"_s,
                              u"itinerary"_s, u"finalization"_s, u"completed"_s}));
        QCOMPARE(choiceValues(conversation_stage::all),
                 (QStringList{u"initial"_s, u"generating_questions"_s, u"asking_clarifications"_s,
                              u"generating_destinations"_s, u"destinations_complete"_s,
                              u"commitment_detected"_s}));
        QCOMPARE(nextStage(PlanningStage::Destination), PlanningStage::Accommodation);
        QCOMPARE(nextStage(PlanningStage::Finalization), PlanningStage::Completed);
        QCOMPARE(nextStage(PlanningStage::Completed), PlanningStage::Completed);
    }

    // Through the repositories, on every engine: each rule is an Error of kind
    // Validation naming the field, and nothing is written.
    void repositoriesRejectAndWriteNothing_data() { test::addBackendRows(); }
    void repositoriesRejectAndWriteNothing() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        UserRepository users(*db);

        VERIFY_VALIDATION(users.create(QString()), u"username"_s);
        VERIFY_VALIDATION(users.create(u"bad name"_s), u"username"_s);
        VERIFY_VALIDATION(users.create(QString(151, u'x')), u"username"_s);
        VERIFY_VALIDATION(users.create(u"ok"_s, QString(255, u'e')), u"email"_s);
        QCOMPARE(countRows(*db, u"auth_user"_s), 0);
        QCOMPARE(countRows(*db, u"api_userpreferences"_s), 0);

        const User alice = users.create(u"alice"_s);
        TripRepository trips(*db, alice.id);
        Trip t = validTrip();
        t.title = QString(2 * 1024 * 1024, u't');
        VERIFY_VALIDATION(trips.create(t), u"title"_s);
        t = validTrip();
        t.title = u"   "_s;
        VERIFY_VALIDATION(trips.create(t), u"title"_s);
        t = validTrip();
        t.endDate = t.startDate.addDays(-1);
        VERIFY_VALIDATION(trips.create(t), u"end_date"_s);
        t = validTrip();
        t.budget = Decimal::fromUnits(10'000'000'000, 2);
        VERIFY_VALIDATION(trips.create(t), u"budget"_s);
        t = validTrip();
        t.travelersCount = 0;
        VERIFY_VALIDATION(trips.create(t), u"travelers_count"_s);
        t = validTrip();
        t.status = u"sailing"_s;
        VERIFY_VALIDATION(trips.create(t), u"status"_s);
        t = validTrip();
        t.destinationId = 987654;
        VERIFY_VALIDATION(trips.create(t), u"destination"_s);
        QCOMPARE(countRows(*db, u"api_trip"_s), 0);

        // Update of an existing trip: rejected, and the stored row is unchanged.
        const Trip saved = trips.create(validTrip());
        Trip bad = saved;
        bad.title = QString(201, u'z');
        VERIFY_VALIDATION(trips.update(bad), u"title"_s);
        Trip badStatus = saved;
        badStatus.status = u"bogus"_s;
        VERIFY_VALIDATION(trips.update(badStatus), u"status"_s);
        const Trip reread = trips.get(saved.id);
        QCOMPARE(reread.title, saved.title);
        QCOMPARE(reread.status, saved.status);

        DestinationRepository destinations(*db);
        Destination d = validDestination();
        d.country = QString();
        VERIFY_VALIDATION(destinations.create(d), u"country"_s);
        d = validDestination();
        d.name = u" "_s;
        VERIFY_VALIDATION(destinations.create(d), u"name"_s);
        d = validDestination();
        d.latitude = Decimal::fromUnits(-90'000'001, 6);
        VERIFY_VALIDATION(destinations.create(d), u"latitude"_s);
        QCOMPARE(countRows(*db, u"api_destination"_s), 0);

        PreferencesRepository prefs(*db, alice.id);
        UserPreferences p = prefs.get();
        p.budgetMin = Decimal::fromUnits(200, 2);
        p.budgetMax = Decimal::fromUnits(100, 2);
        VERIFY_VALIDATION(prefs.save(p), u"budget_max"_s);
        QVERIFY(!prefs.get().budgetMax.has_value());

        ConversationRepository conversations(*db, alice.id);
        // The checks below run in lambdas: a variable, since clang 14 cannot capture a structured binding.
        auto [conversationRow, state] = conversations.ensureForTrip(saved.id);
        auto& conversation = conversationRow;
        VERIFY_VALIDATION(conversations.addMessage(conversation.id, true, QString()), u"content"_s);
        QCOMPARE(conversations.messageCount(conversation.id), 0);
        ConversationState badState = state;
        badState.currentStage = u"daydreaming"_s;
        VERIFY_VALIDATION(conversations.saveState(badState), u"current_stage"_s);
        QCOMPARE(conversations.state(conversation.id)->currentStage, u"initial"_s);
        // Every one of the six conversation stages is accepted.
        ConversationState current = *conversations.state(conversation.id);
        for (const QString& stage : choiceValues(conversation_stage::all)) {
            current.currentStage = stage;
            current = conversations.saveState(current);
            QCOMPARE(conversations.state(conversation.id)->currentStage, stage);
        }
        // A planning stage outside the seed's list no longer compiles:
        // PlanningRepository::markStageCompleted takes a PlanningStage (tst_stages).
    }

    // The database itself refuses what the app refuses, whatever writes to it.
    void databaseEnforcesChoices_data() { test::addBackendRows(); }
    void databaseEnforcesChoices() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User alice = UserRepository(*db).create(u"alice"_s);
        const Trip trip = TripRepository(*db, alice.id).create(validTrip());
        auto conv = ConversationRepository(*db, alice.id).ensureForTrip(trip.id);
        const QDateTime now = QDateTime::currentDateTimeUtc();

        auto expectRejected = [&](const QString& sql, const SqlParams& params) {
            try {
                db->execute(sql, params);
            } catch (const Error& e) {
                return e.kind() == Error::Kind::Validation || e.kind() == Error::Kind::Database;
            }
            return false;
        };
        QVERIFY2(expectRejected(u"UPDATE api_trip SET status = :s WHERE id = :id"_s,
                                {{u"s"_s, u"sailing"_s}, {u"id"_s, trip.id}}),
                 "status outside the 10 choices accepted");
        QVERIFY2(expectRejected(u"UPDATE api_trip SET end_date = :d WHERE id = :id"_s,
                                {{u"d"_s, QDate(2000, 1, 1)}, {u"id"_s, trip.id}}),
                 "end date before start date accepted");
        QVERIFY2(expectRejected(u"UPDATE api_trip SET budget = :b WHERE id = :id"_s,
                                {{u"b"_s, Decimal::fromUnits(-100, 2)}, {u"id"_s, trip.id}}),
                 "negative budget accepted");
        QVERIFY2(expectRejected(u"UPDATE api_trip SET travelers_count = -1 WHERE id = :id"_s,
                                {{u"id"_s, trip.id}}),
                 "negative travellers accepted");
        QVERIFY2(expectRejected(u"INSERT INTO api_planningsession (current_stage, is_active, session_data, "
                                u"stages_completed, started_at, last_interaction_at, trip_id) "
                                u"VALUES ('packing', :t, :o, :a, :now, :now, :trip)"_s,
                                {{u"t"_s, true},
                                 {u"o"_s, QJsonObject()},
                                 {u"a"_s, QJsonArray()},
                                 {u"now"_s, now},
                                 {u"trip"_s, trip.id}}),
                 "planning stage outside the 7 choices accepted");
        QVERIFY2(expectRejected(u"UPDATE destination_search_conversationstate SET current_stage = 'dreaming' "
                                u"WHERE conversation_id = :c"_s,
                                {{u"c"_s, conv.first.id}}),
                 "conversation stage outside the 6 choices accepted");
        QVERIFY2(
            expectRejected(u"INSERT INTO api_destination (name, country, latitude, longitude, created_at, "
                           u"updated_at) VALUES ('X', 'Y', :lat, :lon, :now, :now)"_s,
                           {{u"lat"_s, Decimal::fromUnits(91'000'000, 6)},
                            {u"lon"_s, Decimal::fromUnits(0, 6)},
                            {u"now"_s, now}}),
            "latitude 91 accepted");
        const Trip reread = TripRepository(*db, alice.id).get(trip.id);
        QCOMPARE(reread.status, trip.status);
        QCOMPARE(reread.endDate, trip.endDate);
        QCOMPARE(reread.budget, trip.budget);
        QCOMPARE(reread.travelersCount, trip.travelersCount);
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
