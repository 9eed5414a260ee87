// SPDX-License-Identifier: GPL-3.0-or-later
// A model's proposals for the plan's stages (suggest/ModelSuggestions), against
// the loopback fake provider in both wire formats, whole and streamed: each
// kind read, checked and accepted; a point at sea, a date outside the trip, a
// negative cost, a made-up currency or an overlap flagged and never accepted;
// an unusable answer, a failing server, a retry and a cancel. And the CLI's
// `plan suggest` with a model, on SQLite: nothing written until --accept.
#include "FakeLlmServerThread.h"
#include "TestBackends.h"
#include "conversation/LlmPlanner.h"
#include "conversation/Planner.h"
#include "llm/ProviderClients.h"
#include "plan/PlanCodec.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "suggest/ModelSuggestions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <atomic>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::llm;
using conversation::PlannerError;
using suggest::Proposal;
using test::FakeLlmServer;

namespace {

Decimal dec(const char* text, int scale = 2, int precision = 12) {
    return *Decimal::parse(QString::fromLatin1(text), precision, scale);
}

suggest::SuggestContext lisbonContext() {
    suggest::SuggestContext c;
    Destination d;
    d.id = 3;
    d.name = u"Lisbon"_s;
    d.country = u"Portugal"_s;
    d.averageCostPerDay = dec("85.50");
    d.latitude = dec("38.720000", 6, 9);
    d.longitude = dec("-9.130000", 6, 9);
    c.destination = d;
    c.trip.id = 1;
    c.trip.title = u"Lisbon in May"_s;
    c.trip.destinationId = 3;
    c.trip.startDate = QDate(2027, 5, 10);
    c.trip.endDate = QDate(2027, 5, 14);
    c.trip.travelersCount = 2;
    c.plan.budget.homeCurrency = u"EUR"_s;
    plan::Activity idea;
    idea.id = u"act-tram"_s;
    idea.title = u"Tram 28"_s;
    c.plan.activities << idea;
    plan::Leg out;
    out.id = u"leg-out"_s;
    out.from.place.name = u"Berlin"_s;
    out.from.place.zone = u"Europe/Berlin"_s;
    out.from.date = QDate(2027, 5, 10);
    out.from.time = QTime(9, 0);
    out.to.place.name = u"Lisbon"_s;
    out.to.place.zone = u"Europe/Lisbon"_s;
    out.to.date = QDate(2027, 5, 10);
    out.to.time = QTime(11, 30);
    c.plan.legs << out;
    c.preferences.preferencesText = u"We love food markets and viewpoints."_s;
    c.preferences.budgetMin = dec("1200.00");
    c.preferences.budgetMax = dec("2000.00");
    return c;
}

QByteArray answer(const QJsonArray& proposals, const QString& intro = u"Here is what I suggest."_s) {
    return QJsonDocument(QJsonObject{{u"intro"_s, intro}, {u"proposals"_s, proposals}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject item(const QJsonObject& fields) {
    QJsonObject o{
        {u"kind"_s, u"activity"_s},        {u"title"_s, u""_s},           {u"category"_s, QJsonValue()},
        {u"place_name"_s, QJsonValue()},   {u"latitude"_s, QJsonValue()}, {u"longitude"_s, QJsonValue()},
        {u"date"_s, QJsonValue()},         {u"end_date"_s, QJsonValue()}, {u"start_time"_s, QJsonValue()},
        {u"end_time"_s, QJsonValue()},     {u"cost"_s, QJsonValue()},     {u"currency"_s, QJsonValue()},
        {u"schedules_id"_s, QJsonValue()}, {u"reason"_s, u"It fits."_s}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o[it.key()] = it.value();
    return o;
}

struct Model {
    Model(Provider provider, bool stream) {
        config.provider = provider;
        config.baseUrl = server.baseUrl();
        config.apiKey = u"test-key-123"_s;
        config.model = u"test-model"_s;
        config.stream = stream;
        config.connectTimeoutMs = 3000;
        config.idleTimeoutMs = 2000;
        config.maxAttempts = 3;
        config.backoffBaseMs = 10;
        client = makeClient(&nam, config);
        planner = std::make_unique<conversation::LlmPlanner>(client.get());
        planner->setDeltaHandler([this](const QString& d) { deltas += d; });
    }
    FakeLlmServer::Flavour flavour() const {
        return config.provider == Provider::Gemini ? FakeLlmServer::Flavour::Gemini
                                                   : FakeLlmServer::Flavour::OpenAi;
    }
    // Every request answered with `text` in this flavour.
    void answerWith(const QByteArray& text) {
        server.handler = [this, text](const test::RecordedRequest&) {
            return FakeLlmServer::wrap(flavour(), text, config.stream);
        };
    }
    suggest::ProposalSet ask(const suggest::SuggestContext& c, suggest::Stage stage) {
        return suggest::modelProposals(*planner, c, stage, providerName(config.provider));
    }
    FakeLlmServer server;
    QNetworkAccessManager nam;
    ProviderConfig config;
    std::unique_ptr<LlmClient> client;
    std::unique_ptr<conversation::LlmPlanner> planner;
    QString deltas;
};

QByteArray planJson(const plan::Plan& p) {
    return QJsonDocument(plan::planToJson(p)).toJson(QJsonDocument::Compact);
}

} // namespace

class TestModelSuggestions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stays_data() { addProviderRows(); }
    void stays() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        Model m(Provider(provider), stream);
        m.answerWith(answer({item({{u"kind"_s, u"stay"_s},
                                   {u"title"_s, u"Casa do Largo"_s},
                                   {u"place_name"_s, u"Alfama, Lisbon"_s},
                                   {u"latitude"_s, u"38.7114° N"_s}, // as models write them
                                   {u"longitude"_s, u"9.13° W"_s},
                                   {u"date"_s, u"2027-05-10"_s},
                                   {u"end_date"_s, u"2027-05-14"_s},
                                   {u"cost"_s, u"540"_s}, // a number as a string
                                   {u"currency"_s, u"eur"_s}}),
                             item({{u"kind"_s, u"stay"_s},
                                   {u"title"_s, u"Hotel Atlântico"_s},
                                   {u"latitude"_s, 38.0},
                                   {u"longitude"_s, -14.0},
                                   {u"date"_s, u"2027-05-10"_s},
                                   {u"end_date"_s, u"2027-05-14"_s}})},
                            u"Two places in the old town."_s));
        const suggest::SuggestContext c = lisbonContext();
        const suggest::ProposalSet set = m.ask(c, suggest::Stage::Accommodation);
        QCOMPARE(set.source, providerName(Provider(provider)));
        QCOMPARE(set.note, u"Two places in the old town."_s);
        if (stream) // the intro shown as it comes
            QCOMPARE(m.deltas, u"Two places in the old town."_s);
        QCOMPARE(set.proposals.size(), 2);
        const Proposal& casa = set.proposals[0];
        QCOMPARE(casa.kind, Proposal::Kind::Stay);
        QVERIFY2(casa.acceptable(), qPrintable(casa.problems.value(0).message));
        QVERIFY(casa.toVerify); // a named hotel: to check before booking
        QCOMPARE(casa.stay.price->amount.toString(), u"540.00"_s);
        QCOMPARE(casa.stay.price->currency, u"EUR"_s);
        QCOMPARE(casa.stay.place.name, u"Alfama, Lisbon"_s);
        QCOMPARE(casa.stay.place.latitude->toString(), u"38.711400"_s);
        QCOMPARE(casa.stay.place.longitude->toString(), u"-9.130000"_s);
        // Its link is a web search, never a booking page.
        QCOMPARE(casa.stay.link, u"https://duckduckgo.com/?q=Casa%20do%20Largo%20Alfama,%20Lisbon"_s);
        QVERIFY(!set.proposals[1].acceptable());
        QVERIFY(set.proposals[1].problems.value(0).message.contains(u"sea"_s, Qt::CaseInsensitive));
        // The request said what the model needed to know.
        const QByteArray request = m.server.requests.last().body;
        QVERIFY(request.contains("Lisbon in May"));
        QVERIFY(request.contains("Tram 28"));
        QVERIFY(request.contains("food markets"));
        QVERIFY(request.contains("1200.00 to 2000.00"));
        QVERIFY(request.contains("plan_proposals") || provider == int(Provider::Gemini));

        const plan::Plan accepted = suggest::applyProposals(c.plan, {casa});
        QCOMPARE(accepted.stays.size(), 1);
        QVERIFY_THROWS_EXCEPTION(Error, suggest::applyProposals(c.plan, set.proposals));
    }

    void activitiesFlagged_data() { addProviderRows(); }
    void activitiesFlagged() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        Model m(Provider(provider), stream);
        m.answerWith(answer({
            item({{u"title"_s, u"Miradouro da Senhora do Monte"_s},
                  {u"category"_s, u"viewpoint"_s},
                  {u"place_name"_s, u"Graça"_s},
                  {u"latitude"_s, 38.7193},
                  {u"longitude"_s, -9.1327}}),
            item({{u"title"_s, u"Fado night"_s}, {u"cost"_s, -40}, {u"currency"_s, u"EUR"_s}}),
            item({{u"title"_s, u"Oceanarium"_s}, {u"cost"_s, 46}, {u"currency"_s, u"EURO"_s}}),
            item({{u"title"_s, u"Sintra day trip"_s}, {u"date"_s, u"2027-06-01"_s}}),
            item({{u"title"_s, u"Belém pastries"_s}, {u"date"_s, u"next Tuesday"_s}}),
            QJsonObject{{u"reason"_s, u"no title"_s}},
        }));
        const suggest::SuggestContext c = lisbonContext();
        const suggest::ProposalSet set = m.ask(c, suggest::Stage::Activities);
        QCOMPARE(set.proposals.size(), 5);
        QVERIFY(set.note.contains(u"1 of the planner's proposals could not be read"_s));
        QVERIFY(set.proposals[0].acceptable());
        QVERIFY(set.proposals[0].toVerify);
        QCOMPARE(set.proposals[0].activity.category, u"viewpoint"_s);
        QCOMPARE(set.proposals[1].problems.value(0).field, u"cost.amount"_s);
        QCOMPARE(set.proposals[2].problems.value(0).field, u"cost.currency"_s);
        QCOMPARE(set.proposals[3].problems.value(0).field, u"date"_s);
        QVERIFY(set.proposals[3].problems.value(0).message.contains(u"outside the trip"_s));
        QCOMPARE(set.proposals[4].problems.value(0).field, u"date"_s);
        QVERIFY(set.proposals[4].problems.value(0).message.contains(u"not a date"_s));
    }

    // The draft: an idea of the plan put on a day by its id, a new timed
    // activity, one that overlaps the flight in, flagged.
    void itinerary_data() { addProviderRows(); }
    void itinerary() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        Model m(Provider(provider), stream);
        m.answerWith(answer({
            item({{u"title"_s, u"Tram 28"_s},
                  {u"schedules_id"_s, u"act-tram"_s},
                  {u"date"_s, u"2027-05-11"_s},
                  {u"start_time"_s, u"10:00"_s},
                  {u"end_time"_s, u"11:30"_s}}),
            item({{u"title"_s, u"Time Out Market"_s},
                  {u"date"_s, u"2027-05-11"_s},
                  {u"start_time"_s, u"13:00"_s},
                  {u"end_time"_s, u"14:30"_s}}),
            item({{u"title"_s, u"Lunch by the river"_s},
                  {u"date"_s, u"2027-05-10"_s},
                  {u"start_time"_s, u"11:00"_s},
                  {u"end_time"_s, u"12:30"_s}}),
        }));
        const suggest::SuggestContext c = lisbonContext();
        const suggest::ProposalSet set = m.ask(c, suggest::Stage::Itinerary);
        QCOMPARE(set.proposals.size(), 3);
        QCOMPARE(set.proposals[0].kind, Proposal::Kind::ScheduleActivity);
        QCOMPARE(set.proposals[0].replacesId, u"act-tram"_s);
        QVERIFY(set.proposals[1].acceptable());
        QVERIFY(!set.proposals[2].acceptable());
        QCOMPARE(set.proposals[2].problems.value(0).field, u"start"_s);
        const plan::Plan accepted = suggest::applyProposals(c.plan, {set.proposals[0], set.proposals[1]});
        QCOMPARE(accepted.activities.size(), 2);
        QCOMPARE(accepted.activity(u"act-tram"_s)->date, QDate(2027, 5, 11));
        QCOMPARE(accepted.activity(u"act-tram"_s)->start, QTime(10, 0));
    }

    void budget_data() { addProviderRows(); }
    void budget() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        Model m(Provider(provider), stream);
        m.answerWith(answer({
            item({{u"kind"_s, u"cost"_s},
                  {u"title"_s, u"Viva Viagem transport card"_s},
                  {u"cost"_s, 32.4},
                  {u"currency"_s, u"EUR"_s}}),
            item({{u"kind"_s, u"trip_budget"_s},
                  {u"title"_s, u"Total"_s},
                  {u"cost"_s, 1650},
                  {u"currency"_s, u"EUR"_s}}),
            item({{u"kind"_s, u"trip_budget"_s},
                  {u"title"_s, u"Total"_s},
                  {u"cost"_s, 1800},
                  {u"currency"_s, u"USD"_s}}),
        }));
        const suggest::SuggestContext c = lisbonContext();
        const suggest::ProposalSet set = m.ask(c, suggest::Stage::Budget);
        QCOMPARE(set.proposals.size(), 3);
        QCOMPARE(set.proposals[0].kind, Proposal::Kind::Cost);
        QCOMPARE(set.proposals[0].cost.amount.amount.toString(), u"32.40"_s);
        QCOMPARE(set.proposals[1].kind, Proposal::Kind::TripBudget);
        QVERIFY(set.proposals[1].acceptable());
        QCOMPARE(suggest::tripBudgetOf({set.proposals[1]})->toString(), u"1650.00"_s);
        QVERIFY(!set.proposals[2].acceptable()); // not in the plan's home currency
        QCOMPARE(suggest::applyProposals(c.plan, {set.proposals[0]}).budget.other.size(), 1);
    }

    // What goes wrong: nothing the plan could take, a server that keeps
    // failing, one that fails once (retried), a stream that falls silent
    // (cancelled by the user). Each is an error, and the plan is untouched.
    void failures_data() { addProviderRows(); }
    void failures() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        const suggest::SuggestContext c = lisbonContext();
        const QByteArray before = planJson(c.plan);
        auto kindOf = [&](Model& m) {
            try {
                m.ask(c, suggest::Stage::Activities);
            } catch (const PlannerError& e) {
                return e.kind();
            }
            return PlannerError::Kind(-1);
        };
        {
            Model m(Provider(provider), stream);
            m.answerWith("I would love to help, but I cannot list anything right now.");
            QCOMPARE(kindOf(m), PlannerError::Kind::Unusable);
        }
        {
            Model m(Provider(provider), stream);
            m.server.handler = [](const test::RecordedRequest&) {
                test::FakeResponse r;
                r.status = 500;
                r.body = "{\"error\": {\"message\": \"internal\"}}";
                return r;
            };
            QCOMPARE(kindOf(m), PlannerError::Kind::Server);
            QCOMPARE(m.server.requests.size(), 3); // the attempts the config allows
        }
        {
            Model m(Provider(provider), stream);
            test::FakeResponse busy;
            busy.status = 503;
            busy.body = "{\"error\": {\"message\": \"overloaded\"}}";
            m.server.queued << busy;
            m.answerWith(answer({item({{u"title"_s, u"Feira da Ladra flea market"_s}})}));
            QSignalSpy retrying(m.client.get(), &LlmClient::retrying);
            const suggest::ProposalSet set = m.ask(c, suggest::Stage::Activities);
            QCOMPARE(retrying.count(), 1);
            QCOMPARE(set.proposals.size(), 1);
        }
        {
            Model m(Provider(provider), true);
            m.server.handler = [&m](const test::RecordedRequest&) {
                test::FakeResponse r = FakeLlmServer::wrap(
                    m.flavour(), answer({item({{u"title"_s, u"Never arrives"_s}})}, u"Thinking about it"_s),
                    true);
                r.silentAfterEvents = 1;
                return r;
            };
            QTimer::singleShot(300, m.client.get(), [&m] { m.planner->cancel(); });
            QCOMPARE(kindOf(m), PlannerError::Kind::Cancelled);
        }
        QCOMPARE(planJson(c.plan), before);
    }

    // The CLI with a model: the proposals printed, nothing written; accepted
    // by number; a failing model exits 1 and leaves the plan as it was.
    void cliWithModel() {
        test::TempDatabase tmp(u"sqlite"_s);
        Id tripId = 0;
        {
            auto db = tmp.connectMigrated();
            const User user = UserRepository(*db).create(u"ada"_s);
            suggest::SuggestContext c = lisbonContext();
            c.destination->id = 0;
            const Id dest = DestinationRepository(*db).create(*c.destination).id;
            c.trip.destinationId = dest;
            tripId = TripRepository(*db, user.id).create(c.trip).id;
            PlanRepository plans(*db, user.id);
            plans.save(plans.load(tripId), c.plan);
        }
        QTemporaryDir home;
        const QStringList env{
            u"DATABASE_URL="_s + tmp.url().toString(), u"XDG_DATA_HOME="_s + home.path() + u"/data"_s,
            u"XDG_CONFIG_HOME="_s + home.path() + u"/config"_s, u"TRIPPLANNER_LLM_API_KEY=test-key-123"_s};
        std::atomic_bool fail = false;
        std::atomic_bool other = false;
        test::FakeLlmServerThread server([&fail, &other](const test::RecordedRequest&) {
            if (fail) {
                test::FakeResponse r;
                r.status = 400;
                r.body = "{\"error\": {\"message\": \"model not found\"}}";
                return r;
            }
            if (other)
                return FakeLlmServer::wrap(FakeLlmServer::Flavour::OpenAi,
                                           answer({item({{u"title"_s, u"Something else"_s}})}), true);
            return FakeLlmServer::wrap(
                FakeLlmServer::Flavour::OpenAi,
                answer({item({{u"title"_s, u"Miradouro de Santa Luzia"_s},
                              {u"place_name"_s, u"Alfama"_s},
                              {u"latitude"_s, 38.7117},
                              {u"longitude"_s, -9.1300}}),
                        item({{u"title"_s, u"Fado night"_s}, {u"cost"_s, -40}, {u"currency"_s, u"EUR"_s}})}),
                true);
        });
        const QStringList base{u"plan"_s,    u"suggest"_s,    u"--user"_s,
                               u"ada"_s,     u"--trip"_s,     QString::number(tripId),
                               u"--stage"_s, u"activities"_s, u"--provider"_s,
                               u"openai"_s,  u"--base-url"_s, server.baseUrl().toString()};
        auto planOf = [&] {
            auto db = tmp.connect();
            const User user = UserRepository(*db).findByName(u"ada"_s).value();
            return planJson(PlanRepository(*db, user.id).load(tripId).plan);
        };
        const QByteArray before = planOf();
        const auto shown = test::runCli(base, {}, env);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(u"from the openai"_s), qPrintable(shown.out));
        QVERIFY(shown.out.contains(u"1. Idea: Miradouro de Santa Luzia"_s));
        QVERIFY(shown.out.contains(u"A suggestion to verify"_s));
        QVERIFY(shown.out.contains(u"Cannot be accepted: cost.amount must not be negative"_s));
        QCOMPARE(planOf(), before);

        const auto refused = test::runCli(base + QStringList{u"--accept"_s, u"2"_s}, {}, env);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"proposal 2 cannot be accepted: cost.amount must not be negative"_s),
                 qPrintable(refused.err));
        QCOMPARE(planOf(), before);

        // What is accepted is what was read: the proposals saved with --json, accepted
        // from the file while the model would now answer something else.
        const auto saved = test::runCli(base + QStringList{u"--json"_s}, {}, env);
        QCOMPARE(saved.exitCode, 0);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"proposals.json"_s);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(saved.out.toUtf8());
        }
        other = true;
        const QStringList fromFile{
            u"plan"_s,   u"suggest"_s, u"--user"_s,     u"ada"_s,    u"--trip"_s, QString::number(tripId),
            u"--from"_s, file,         u"--provider"_s, u"offline"_s};
        const auto accepted =
            test::runCli(fromFile + QStringList{u"--accept"_s, u"all"_s, u"--json"_s}, {}, env);
        QCOMPARE(accepted.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(accepted.out.toUtf8())[u"accepted"_s].toArray(), QJsonArray{1});
        QVERIFY(planOf().contains("Miradouro de Santa Luzia"));
        QVERIFY(!planOf().contains("Something else"));
        // The same file for another trip, or without --accept, is refused.
        QCOMPARE(test::runCli({u"plan"_s, u"suggest"_s, u"--user"_s, u"ada"_s, u"--trip"_s, u"999"_s,
                               u"--from"_s, file, u"--accept"_s, u"all"_s},
                              {}, env)
                     .exitCode,
                 1);
        QCOMPARE(test::runCli(fromFile, {}, env).exitCode, 2);
        other = false;

        fail = true;
        const QByteArray after = planOf();
        const auto failed = test::runCli(base + QStringList{u"--accept"_s, u"all"_s}, {}, env);
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains(u"the planner gave no proposals"_s), qPrintable(failed.err));
        QVERIFY(failed.err.contains(u"Nothing was changed."_s));
        QCOMPARE(planOf(), after);
    }

private:
    static void addProviderRows() {
        QTest::addColumn<int>("provider");
        QTest::addColumn<bool>("stream");
        QTest::newRow("gemini") << int(Provider::Gemini) << false;
        QTest::newRow("gemini-streamed") << int(Provider::Gemini) << true;
        QTest::newRow("openai") << int(Provider::OpenAiCompatible) << false;
        QTest::newRow("openai-streamed") << int(Provider::OpenAiCompatible) << true;
    }
};

QTEST_GUILESS_MAIN(TestModelSuggestions)
#include "tst_model_suggestions.moc"
