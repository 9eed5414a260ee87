// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/ModelOutputParser.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp::conversation;

namespace {
const QString threePlaces = uR"({"intro": "Three ideas", "destinations": [
  {"name": "Bali", "country": "Indonesia", "description": "Luxury beach resorts.", "latitude": -8.4, "longitude": 115.2},
  {"name": "Maldives", "country": "", "description": "Overwater bungalows."},
  {"name": "Santorini", "country": "Greece", "description": "Sunsets.", "best_time_to_visit": "May to October", "average_cost_per_day": "$180"}
]})"_s;
}

class TestModelOutputParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainJson() {
        const DestinationSet s = parser::parseDestinations(threePlaces);
        QCOMPARE(s.places.size(), 3);
        QCOMPARE(s.intro, u"Three ideas"_s);
        QCOMPARE(s.places[0].name, u"Bali"_s);
        QCOMPARE(*s.places[0].latitude, -8.4);
        QCOMPARE(s.places[2].bestTimeToVisit, u"May to October"_s);
        QCOMPARE(*s.places[2].dailyCostUsd, 180.0);
        QCOMPARE(s.raw, threePlaces);
    }
    void emptyCountryIsKept() {
        const DestinationSet s = parser::parseDestinations(threePlaces);
        QCOMPARE(s.places[1].name, u"Maldives"_s);
        QVERIFY(s.places[1].country.isEmpty());
        QVERIFY(!s.places[1].latitude);
    }
    void codeFenceWithProse() {
        const QString text = u"Sure! Here are my picks:\n\n```json\n"_s + threePlaces +
                             u"\n```\n\nLet me know which one you like {or not}."_s;
        QCOMPARE(parser::parseDestinations(text).places.size(), 3);
    }
    void proseWithoutFence() {
        const QString text =
            u"Based on your answers [budget: $3000] I suggest: "_s + threePlaces + u" Enjoy!"_s;
        QCOMPARE(parser::parseDestinations(text).places[2].name, u"Santorini"_s);
    }
    void trailingCommas() {
        const QString text =
            u"{\"destinations\": [{\"name\": \"Lisbon\", \"country\": \"Portugal\",}, "
            u"{\"name\": \"Porto\", \"country\": \"Portugal\",}, {\"name\": \"Seville, yes\", "
            u"\"country\": \"Spain\", \"description\": \"a, b,}\"},],}"_s;
        const DestinationSet s = parser::parseDestinations(text);
        QCOMPARE(s.places.size(), 3);
        QCOMPARE(s.places[2].name, u"Seville, yes"_s);
        QCOMPARE(s.places[2].description, u"a, b,}"_s); // commas inside strings untouched
    }
    // Real models put // and /* */ comments in their JSON; a comment with a
    // quote or a bracket in it must not derail the bracket matching either.
    void comments() {
        const QString text =
            u"```json\n{\n  // three places, as asked\n  \"destinations\": [\n"
            u"    {\"name\": \"Lisbon\", \"country\": \"Portugal\"}, // the capital \"of course\" {\n"
            u"    /* second: [north] */ {\"name\": \"Porto\", \"country\": \"Portugal\"},\n"
            u"    {\"name\": \"Faro\", \"country\": \"Portugal\", \"description\": \"http://x.pt // not a "
            u"comment\"}, // trailing comma next\n"
            u"  ]\n}\n```"_s;
        const DestinationSet s = parser::parseDestinations(text);
        QCOMPARE(s.places.size(), 3);
        QCOMPARE(s.places[1].name, u"Porto"_s);
        QCOMPARE(s.places[2].description, u"http://x.pt // not a comment"_s);
    }

    // ISO 3166 codes and other names of a country become the catalogue's name.
    void countryCodes() {
        const QString text = uR"({"destinations": [
            {"name": "Lisbon", "country": "PT"}, {"name": "Kyoto", "country": "JPN"},
            {"name": "Istanbul", "country": "TR"}, {"name": "Atlantis", "country": "Atlantis"}]})"_s;
        const DestinationSet s = parser::parseDestinations(text);
        QCOMPARE(s.places[0].country, u"Portugal"_s);
        QCOMPARE(s.places[1].country, u"Japan"_s);
        QCOMPARE(s.places[2].country, u"Turkey"_s); // the catalogue's spelling
        const DestinationSet four = parser::parseDestinations(
            uR"([{"name":"A","country":"Atlantis"},{"name":"B","country":"pt"},{"name":"C","country":"Portuguese Republic"}])"_s);
        QCOMPARE(four.places[0].country, u"Atlantis"_s); // unknown: kept as given
        QCOMPARE(four.places[1].country, u"Portugal"_s);
        QCOMPARE(four.places[2].country, u"Portuguese Republic"_s); // a name: kept, matched as Portugal
    }

    // Hemisphere letters decide the sign (Porto stays in Portugal, not off Sardinia).
    void hemisphereLetters_data() {
        QTest::addColumn<QString>("lat");
        QTest::addColumn<QString>("lon");
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::newRow("degree sign and letter") << u"41.1579° N"_s << u"8.6291° W"_s << 41.1579 << -8.6291;
        QTest::newRow("letters first") << u"S 22.9"_s << u"W 43.2"_s << -22.9 << -43.2;
        QTest::newRow("no space") << u"33.87S"_s << u"151.21E"_s << -33.87 << 151.21;
        QTest::newRow("lower case") << u"38.7 n"_s << u"9.1 w"_s << 38.7 << -9.1;
        QTest::newRow("minutes and seconds")
            << u"38°42'N"_s << u"9° 8' 24\" W"_s << 38.7 << -(9 + 8 / 60.0 + 24 / 3600.0);
        QTest::newRow("signed, no letter") << u"-8.4"_s << u"115.2"_s << -8.4 << 115.2;
        QTest::newRow("minus and letter") << u"-8.4 S"_s << u"115.2 E"_s << -8.4 << 115.2;
    }
    void hemisphereLetters() {
        QFETCH(QString, lat);
        QFETCH(QString, lon);
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        const QString text =
            uR"([{"name":"A","country":"X","latitude":"%1","longitude":"%2"},{"name":"B","country":"X"},{"name":"C","country":"X"}])"_s
                .arg(QString(lat).replace(u'"', u"\\\""_s), QString(lon).replace(u'"', u"\\\""_s));
        const DestinationSet s = parser::parseDestinations(text);
        QVERIFY2(s.places[0].latitude && s.places[0].longitude, qPrintable(text));
        QVERIFY2(qAbs(*s.places[0].latitude - latitude) < 1e-9,
                 qPrintable(QString::number(*s.places[0].latitude)));
        QVERIFY2(qAbs(*s.places[0].longitude - longitude) < 1e-9,
                 qPrintable(QString::number(*s.places[0].longitude)));
    }
    void hemisphereOfTheWrongAxisIsNotGuessed() {
        const DestinationSet s = parser::parseDestinations(
            uR"([{"name":"A","country":"X","latitude":"38.7 E","longitude":"9.1 W"},{"name":"B","country":"X"},{"name":"C","country":"X"}])"_s);
        QVERIFY(!s.places[0].latitude);
    }

    // Every shape in the fuzz corpus (comments, codes, hemispheres, cut-off
    // answers...): a usable answer or an "unusable" error, nothing else.
    void fuzzCorpusShapes() {
        const QDir corpus(QStringLiteral(TP_FUZZ_CORPUS));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY(files.size() >= 15);
        for (const QString& name : files) {
            QFile f(corpus.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            try {
                QCOMPARE(parser::parseDestinations(text).places.size(), 3);
            } catch (const PlannerError& e) {
                QVERIFY2(e.kind() == PlannerError::Kind::Unusable, qPrintable(name));
            }
            try {
                const QStringList q = parser::parseQuestions(text);
                QVERIFY(!q.isEmpty() && q.size() <= 5);
            } catch (const PlannerError& e) {
                QVERIFY2(e.kind() == PlannerError::Kind::Unusable, qPrintable(name));
            }
        }
        // The new shapes give what they mean.
        auto read = [&corpus](const QString& name) {
            QFile f(corpus.filePath(name));
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        QCOMPARE(parser::parseDestinations(read(u"comments.json"_s)).places.size(), 3);
        QCOMPARE(parser::parseDestinations(read(u"iso_countries.json"_s)).places[0].country, u"Portugal"_s);
        QVERIFY(*parser::parseDestinations(read(u"hemispheres.json"_s)).places[0].longitude < 0);
    }

    void fourTakesFirstThree() {
        const QString text =
            uR"([{"name":"A1","country":"X"},{"name":"B2","country":"X"},{"name":"C3","country":"X"},{"name":"D4","country":"X"}])"_s;
        const DestinationSet s = parser::parseDestinations(text);
        QCOMPARE(s.places.size(), 3);
        QCOMPARE(s.places[2].name, u"C3"_s);
    }
    void twoIsUnusable() {
        const QString text =
            uR"({"destinations":[{"name":"A1","country":"X"},{"name":"B2","country":"X"}]})"_s;
        try {
            parser::parseDestinations(text);
            QFAIL("no error");
        } catch (const PlannerError& e) {
            QCOMPARE(e.kind(), PlannerError::Kind::Unusable);
            QVERIFY(e.message().contains(u"only 2"_s));
        }
    }
    void duplicatesDoNotCount() {
        const QString text =
            uR"([{"name":"Bali","country":"Indonesia"},{"name":"bali","country":"Indonesia"},{"name":"Rome","country":"Italy"}])"_s;
        QVERIFY_THROWS_EXCEPTION(PlannerError, parser::parseDestinations(text));
    }
    void anotherLanguage() {
        const QString text = uR"({"destinos": [
            {"nombre": "Cartagena", "país": "Colombia", "descripción": "Playas y cultura caribeña."},
            {"nombre": "Oaxaca", "país": "México", "descripción": "Comida increíble."},
            {"nombre": "Cusco", "país": "Perú", "descripción": "Historia inca.", "lat": "-13,53", "lng": "-71,97"}]})"_s;
        const DestinationSet s = parser::parseDestinations(text);
        QCOMPARE(s.places.size(), 3);
        QCOMPARE(s.places[1].country, u"México"_s);
        QCOMPARE(s.places[0].description, u"Playas y cultura caribeña."_s);
        QCOMPARE(*s.places[2].latitude, -13.53);
    }
    void outOfRangeCoordinatesDropped() {
        const QString text =
            uR"([{"name":"A1","country":"X","latitude":123,"longitude":5},{"name":"B2","country":"X"},{"name":"C3","country":"X"}])"_s;
        QVERIFY(!parser::parseDestinations(text).places[0].latitude);
    }
    void partialOrMalformed_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("prose") << u"I think Bali, Rome and Paris would be great."_s;
        QTest::newRow("cut") << threePlaces.left(threePlaces.size() / 2);
        QTest::newRow("garbage") << u"{{{[[[\"\\"_s;
        QTest::newRow("wrong shape") << u"{\"destinations\": \"Bali\"}"_s;
    }
    void partialOrMalformed() {
        QFETCH(QString, text);
        QVERIFY_THROWS_EXCEPTION(PlannerError, parser::parseDestinations(text));
    }
    void questions() {
        QCOMPARE(parser::parseQuestions(u"{\"questions\": [\"Budget?\", \"When?\", \"How long?\"]}"_s).size(),
                 3);
        QCOMPARE(parser::parseQuestions(u"```\n[\"a?\",\"b?\",\"c?\",\"d?\",\"e?\",\"f?\"]\n```"_s).size(),
                 5);
        QCOMPARE(parser::parseQuestions(
                     u"Here you go:\n1. What is your budget?\n2) When?\n- Who is coming?\nThanks"_s),
                 (QStringList{u"What is your budget?"_s, u"When?"_s, u"Who is coming?"_s}));
        QCOMPARE(parser::parseQuestions(u"{\"questions\":[{\"question\":\"¿Cuál es tu presupuesto?\"}]}"_s)
                     .first(),
                 u"¿Cuál es tu presupuesto?"_s);
        QVERIFY_THROWS_EXCEPTION(PlannerError, parser::parseQuestions(u"{\"questions\": []}"_s));
        QVERIFY_THROWS_EXCEPTION(PlannerError, parser::parseQuestions(u"No questions from me."_s));
    }
    void followUp() {
        const QList<Recommendation> current = parser::parseDestinations(threePlaces).places;
        FollowUp f = parser::parseFollowUp(
            u"{\"intent\":\"commit\",\"choice\":\"Santorini\",\"reply\":\"Great!\"}"_s, current);
        QCOMPARE(f.kind, FollowUp::Kind::Commit);
        QCOMPARE(f.choice, 2);
        f = parser::parseFollowUp(u"{\"intent\":\"more_options\",\"choice\":\"\",\"reply\":\"\"}"_s, current);
        QCOMPARE(f.kind, FollowUp::Kind::MoreOptions);
        f = parser::parseFollowUp(u"```json\n{\"intent\":\"question\",\"reply\":\"It is sunny.\",}\n```"_s,
                                  current);
        QCOMPARE(f.kind, FollowUp::Kind::Answer);
        QCOMPARE(f.reply, u"It is sunny."_s);
        // Committing to something never recommended: treated as an answer.
        f = parser::parseFollowUp(u"{\"intent\":\"commit\",\"choice\":\"Atlantis\",\"reply\":\"Hmm\"}"_s,
                                  current);
        QCOMPARE(f.kind, FollowUp::Kind::Answer);
        QVERIFY_THROWS_EXCEPTION(PlannerError,
                                 parser::parseFollowUp(u"{\"intent\":\"question\"}"_s, current));
    }
    void partialStringField() {
        QCOMPARE(parser::partialStringField(u"{\"intro\": \"Hel"_s, u"intro"_s), u"Hel"_s);
        QCOMPARE(parser::partialStringField(u"{\"intro\": \"a\\nb\\\""_s, u"intro"_s), u"a\nb\""_s);
        QCOMPARE(parser::partialStringField(u"{\"intro\": \"x\\u00e9y\", \"z\": 1}"_s, u"intro"_s), u"xéy"_s);
        QCOMPARE(parser::partialStringField(u"{\"intro\": \"x\\u00"_s, u"intro"_s), u"x"_s);
        QCOMPARE(parser::partialStringField(u"{\"intr"_s, u"intro"_s), QString());
    }
};

QTEST_GUILESS_MAIN(TestModelOutputParser)
#include "tst_model_output_parser.moc"
