// SPDX-License-Identifier: GPL-3.0-or-later
// The plan's JSON layout: a round trip, keys written by someone else kept,
// unreadable values reported by path, a newer format refused, validation naming fields.
#include "PlanFixtures.h"
#include "plan/Currency.h"
#include "plan/PlanCodec.h"
#include "plan/PlanValidation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;

class TestPlanCodec : public QObject {
    Q_OBJECT

    static QJsonObject parse(const char* json) {
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &e);
        if (e.error != QJsonParseError::NoError)
            qFatal("bad test JSON: %s", qPrintable(e.errorString()));
        return d.object();
    }
    static bool has(const QList<FieldError>& errors, const QString& field, const QString& needle = {}) {
        for (const FieldError& e : errors)
            if (e.field == field && e.message.contains(needle))
                return true;
        return false;
    }

private Q_SLOTS:
    void documentedExampleReadsAndWritesBack() {
        // The example of docs/plan-format.md, with keys of the web app's own.
        const QJsonObject data = parse(R"json({
          "selected_hotel_ids": [1, 5, 8],
          "budget_breakdown": {"hotels": 1200},
          "plan": {
            "version": 1,
            "stays": [{"id": "stay-1", "name": "Hotel Centrale", "check_in": "2026-06-01",
                       "check_out": "2026-06-04", "status": "booked",
                       "place": {"name": "Palermo", "latitude": "38.115700", "longitude": "13.361500",
                                 "zone": "Europe/Rome", "x_osm_id": 42},
                       "price": {"amount": "120.00", "currency": "EUR", "per": "night"},
                       "x_web_rating": 4.5}],
            "legs": [{"id": "leg-1", "mode": "flight",
                      "from": {"name": "London (LHR)", "code": "LHR", "zone": "Europe/London",
                               "date": "2026-06-01", "time": "07:05"},
                      "to": {"name": "Palermo (PMO)", "code": "PMO", "zone": "Europe/Rome",
                             "date": "2026-06-01", "time": "11:10"},
                      "carrier": "BA", "number": "2606", "cost": {"amount": "189.99", "currency": "GBP"}}],
            "activities": [{"id": "act-1", "title": "Cappella Palatina", "date": "2026-06-02",
                            "start": "09:30", "end": "11:00", "category": "sight"},
                           {"id": "act-2", "title": "Monreale"}],
            "budget": {"home_currency": "EUR",
                       "rates": [{"currency": "GBP", "rate": "1.170000", "date": "2026-05-20"}],
                       "other": [{"id": "cost-1", "label": "Insurance", "amount": "35.00", "currency": "EUR"}],
                       "x_budget_note": "kept"},
            "x_future_section": {"anything": true}
          }
        })json");
        QList<FieldError> problems;
        const plan::Plan p = plan::readPlan(data, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).field + u' ' + problems.value(0).message));
        QVERIFY(plan::checkPlan(p).isEmpty());
        QCOMPARE(p.stays.size(), 1);
        QCOMPARE(p.stays[0].nights(), 3);
        QCOMPARE(p.stays[0].price->amount, dec("120.00"));
        QVERIFY(p.stays[0].pricePerNight);
        QCOMPARE(p.stays[0].place.latitude, std::optional(dec("38.1157", 6, 9)));
        QCOMPARE(p.legs[0].from.time, QTime(7, 5));
        QCOMPARE(p.legs[0].to.place.zone, u"Europe/Rome"_s);
        QVERIFY(p.activities[0].isScheduled());
        QVERIFY(!p.activities[1].isScheduled());
        QCOMPARE(p.budget.rates[0].rate, dec("1.17", 6));
        QCOMPARE(p.budget.rates[0].date, QDate(2026, 5, 20));

        // Written back unchanged: byte for byte the same JSON values.
        QCOMPARE(plan::writePlan(data, p), data);

        // Edited: the unknown keys at every level survive.
        plan::Plan edited = p;
        edited.stays[0].name = u"Hotel Centrale Palace"_s;
        edited.legs[0].number = u"2607"_s;
        edited.stays << stay(u"stay-2"_s, "2026-06-04", "2026-06-06");
        const QJsonObject written = plan::writePlan(data, edited);
        QCOMPARE(written.value(u"selected_hotel_ids"_s), data.value(u"selected_hotel_ids"_s));
        QCOMPARE(written.value(u"budget_breakdown"_s), data.value(u"budget_breakdown"_s));
        const QJsonObject planObject = written.value(u"plan"_s).toObject();
        QCOMPARE(planObject.value(u"x_future_section"_s).toObject().value(u"anything"_s), QJsonValue(true));
        const QJsonObject stay0 = planObject.value(u"stays"_s).toArray()[0].toObject();
        QCOMPARE(stay0.value(u"name"_s).toString(), u"Hotel Centrale Palace"_s);
        QCOMPARE(stay0.value(u"x_web_rating"_s).toDouble(), 4.5);
        QCOMPARE(stay0.value(u"place"_s).toObject().value(u"x_osm_id"_s).toInt(), 42);
        QCOMPARE(planObject.value(u"budget"_s).toObject().value(u"x_budget_note"_s).toString(), u"kept"_s);
        QCOMPARE(planObject.value(u"stays"_s).toArray().size(), 2);
        QCOMPARE(plan::readPlan(written).stays[1].id, u"stay-2"_s);
    }

    void clearedFieldsAreRemoved() {
        plan::Plan p;
        plan::Activity a = activity(u"a"_s, "2026-06-02", "10:00", "11:00");
        a.cost = plan::Money{dec("5.00"), u"EUR"_s};
        p.activities << a;
        QJsonObject data = plan::writePlan({}, p);
        p = plan::readPlan(data);
        p.activities[0].cost.reset();
        p.activities[0].end = QTime();
        const QJsonObject o =
            plan::writePlan(data, p)[u"plan"_s].toObject()[u"activities"_s].toArray()[0].toObject();
        QVERIFY(!o.contains(u"cost"_s));
        QVERIFY(!o.contains(u"end"_s));
        QCOMPARE(o.value(u"start"_s).toString(), u"10:00"_s);
    }

    void unreadableValuesAreReportedByPath() {
        const QJsonObject data = parse(R"json({"plan": {"version": 1,
            "stays": [{"id": "s", "name": "A", "check_in": "1 June", "check_out": "2026-06-04",
                       "price": {"amount": 120.5, "currency": "EUR"}}],
            "legs": ["not an object"],
            "activities": [{"title": "no id", "start": "25:99"}]}})json");
        QList<FieldError> problems;
        const plan::Plan p = plan::readPlan(data, &problems);
        QVERIFY(has(problems, u"plan.stays[0].check_in"_s, u"YYYY-MM-DD"_s));
        QVERIFY(has(problems, u"plan.stays[0].price.amount"_s, u"as text"_s));
        QVERIFY(has(problems, u"plan.legs[0]"_s, u"object"_s));
        QVERIFY(has(problems, u"plan.activities[0].id"_s, u"missing"_s));
        QVERIFY(has(problems, u"plan.activities[0].start"_s, u"HH:MM"_s));
        QCOMPARE(p.stays.size(), 1);
        QCOMPARE(p.stays[0].checkOut, QDate(2026, 6, 4));
    }

    void newerFormatIsRefused() {
        const QJsonObject data = parse(R"json({"plan": {"version": 2, "stays": []}})json");
        try {
            plan::readPlan(data);
            QFAIL("a plan of format 2 was read");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Schema);
            QVERIFY(e.message().contains(u"newer version"_s));
        }
    }

    void validationNamesTheField() {
        plan::Plan p;
        plan::Stay s = stay(u"s1"_s, "2026-06-04", "2026-06-04");
        s.price = plan::Money{dec("-1.00"), u"EURO"_s};
        s.link = u"javascript:alert(1)"_s;
        s.status = u"maybe"_s;
        p.stays << s << stay(u"s1"_s, "2026-06-05", "2026-06-06");
        plan::Activity a = activity(u"a1"_s, nullptr, "10:00", "09:00");
        a.title.clear();
        a.place = place(u"P"_s, "91", nullptr);
        p.activities << a;
        p.budget.homeCurrency = u"XYZ"_s;
        p.budget.rates << plan::ExchangeRate{u"USD"_s, dec("0", 6), QDate(), {}};
        const QList<FieldError> e = plan::checkPlan(p);
        QVERIFY(has(e, u"stays[0].check_out"_s, u"after the check-in"_s));
        QVERIFY(has(e, u"stays[0].price.amount"_s, u"negative"_s));
        QVERIFY(has(e, u"stays[0].price.currency"_s, u"ISO 4217"_s));
        QVERIFY(has(e, u"stays[0].link"_s, u"https://"_s));
        QVERIFY(has(e, u"stays[0].status"_s, u"idea or booked"_s));
        QVERIFY(has(e, u"stays[1].id"_s, u"used by another item"_s));
        QVERIFY(has(e, u"activities[0].title"_s, u"required"_s));
        QVERIFY(has(e, u"activities[0].date"_s, u"required when a start"_s));
        QVERIFY(has(e, u"activities[0].end"_s, u"after the start"_s));
        QVERIFY(has(e, u"activities[0].place.latitude"_s, u"between -90 and 90"_s));
        QVERIFY(has(e, u"activities[0].place.longitude"_s, u"required when the other"_s));
        QVERIFY(has(e, u"budget.home_currency"_s, u"ISO 4217"_s));
        QVERIFY(has(e, u"budget.rates[0].rate"_s, u"greater than 0"_s));
        QVERIFY(has(e, u"budget.rates[0].date"_s, u"required"_s));
        try {
            plan::requireValid(e);
            QFAIL("no error thrown");
        } catch (const Error& err) {
            QCOMPARE(err.kind(), Error::Kind::Validation);
            QCOMPARE(err.fieldErrors(), e);
            QVERIFY(err.message().contains(u"stays[0].check_out must be after the check-in date"_s));
        }
    }

    void currencies() {
        QVERIFY(plan::isIsoCurrency(u"EUR"_s));
        QVERIFY(plan::isIsoCurrency(u"JPY"_s));
        QVERIFY(!plan::isIsoCurrency(u"eur"_s));
        QVERIFY(!plan::isIsoCurrency(u"EURO"_s));
        QVERIFY(!plan::isIsoCurrency(u"ABC"_s));
    }

    void idsAreFreshAndPrefixed() {
        const QString a = plan::newItemId(u"stay"_s), b = plan::newItemId(u"stay"_s);
        QVERIFY(a.startsWith(u"stay-"_s));
        QCOMPARE(a.size(), 17);
        QVERIFY(a != b);
    }
};

QTEST_GUILESS_MAIN(TestPlanCodec)
#include "tst_plan_codec.moc"
