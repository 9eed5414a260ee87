// SPDX-License-Identifier: GPL-3.0-or-later
// Online place search: the Nominatim request and answer, the app-wide
// one-request-per-second throttle, the answer cache in the database (SQLite,
// PostgreSQL, PgBouncer) and the threaded GeocodingService against a loopback
// HTTP server speaking the real protocol.
#include "FakeLlmServer.h"
#include "TestBackends.h"
#include "geo/GeocodeCache.h"
#include "geo/GeocodingService.h"
#include "repo/GeocodeCacheRepository.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace tp;
using namespace tp::geo;

namespace {

// Two answers in the shape nominatim.openstreetmap.org gives for
// /search?q=Valencia&format=jsonv2&addressdetails=1 (trimmed to the fields read).
const QByteArray ValenciaJson = R"([
 {"place_id":1,"lat":"39.4697065","lon":"-0.3763353","category":"boundary","type":"administrative",
  "name":"València","display_name":"València, Comarca de València, Comunitat Valenciana, España",
  "address":{"city":"València","country":"España","country_code":"es"}},
 {"place_id":2,"lat":"10.1621","lon":"-68.0077","category":"place","type":"city",
  "name":"Valencia","display_name":"Valencia, Carabobo, Venezuela",
  "address":{"city":"Valencia","country":"Venezuela","country_code":"ve"}},
 {"place_id":3,"lat":"not a number","lon":"1","name":"Broken"}
])";

Decimal coord(const char* text) {
    return *Decimal::parse(QString::fromLatin1(text), 9, 6);
}

// A Nominatim on loopback: answers /search from a table keyed by q, and notes
// when each request arrived.
struct LoopbackNominatim {
    test::FakeLlmServer server;
    QElapsedTimer clock;
    QList<qint64> arrivals;
    int status = 200;

    LoopbackNominatim() {
        clock.start();
        server.handler = [this](const test::RecordedRequest& r) {
            arrivals << clock.elapsed();
            test::FakeResponse out;
            out.status = status;
            out.headers << qMakePair(QByteArray("Content-Type"),
                                     QByteArray("application/json; charset=utf-8"));
            const QUrlQuery q(QUrl::fromEncoded(r.target).query());
            const QString text = q.queryItemValue(u"q"_s, QUrl::FullyDecoded);
            out.body =
                text.compare(u"valencia"_s, Qt::CaseInsensitive) == 0 ? ValenciaJson : QByteArray("[]");
            if (status != 200)
                out.body = R"({"error":"go away"})";
            return out;
        };
    }
    QString url() const { return server.baseUrl().toString(); }
};

GeocodeAnswer waitForAnswer(QSignalSpy& spy, int timeoutMs = 15000) {
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return GeocodeAnswer{0, {}, {}, {}, false, u"no answer"_s};
    return spy.takeFirst().at(0).value<GeocodeAnswer>();
}

} // namespace

class TestGeocoding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void searchUrl() {
        const QUrl url =
            nominatimSearchUrl(u"https://nominatim.example.org/"_s, u"  São   Paulo "_s, u"BR"_s, u"pt"_s);
        QCOMPARE(url.path(), u"/search"_s);
        const QUrlQuery q(url.query());
        QCOMPARE(q.queryItemValue(u"q"_s, QUrl::FullyDecoded), u"São Paulo"_s);
        QCOMPARE(q.queryItemValue(u"format"_s), u"jsonv2"_s);
        QCOMPARE(q.queryItemValue(u"countrycodes"_s), u"br"_s);
        QCOMPARE(q.queryItemValue(u"accept-language"_s), u"pt"_s);
        QCOMPARE(q.queryItemValue(u"limit"_s), u"5"_s);
        QVERIFY(!QUrlQuery(nominatimSearchUrl(u"https://n.example"_s, u"Paris"_s, {}, {}).query())
                     .hasQueryItem(u"countrycodes"_s));
    }

    void parsesAnswers() {
        QString error;
        const QList<OnlinePlace> places = parseNominatimResults(ValenciaJson, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(places.size(), 2); // the entry without a number is skipped
        QCOMPARE(places[0].name, u"València"_s);
        QCOMPARE(places[0].countryCode, u"ES"_s);
        QCOMPARE(places[0].latitude, coord("39.469707")); // 7 decimals rounded to the column's 6
        QCOMPARE(places[0].longitude, coord("-0.376335"));
        QCOMPARE(places[1].countryCode, u"VE"_s);
        QCOMPARE(decodePlaces(encodePlaces(places)), places);

        QVERIFY(parseNominatimResults("<html>Bad gateway</html>", &error).isEmpty());
        QVERIFY(error.contains(u"not a list of places"_s));
        QVERIFY(parseNominatimResults(R"([{"lat":"95","lon":"0","name":"Beyond the pole"}])").isEmpty());
    }

    // Against a clock the test moves: exact, whatever the machine's load.
    void throttleSpacesReservations() {
        static RequestThrottle::Clock::time_point fakeNow{std::chrono::seconds(1000)};
        RequestThrottle t(1000ms, [] { return fakeNow; });
        const auto start = fakeNow;
        auto a = t.reserve(), b = t.reserve(), c = t.reserve();
        QCOMPARE(a, start);
        QCOMPARE(b - start, std::chrono::nanoseconds(1000ms));
        QCOMPARE(c - start, std::chrono::nanoseconds(2000ms));
        // The first goes out 30 ms late (a busy thread): the second waits a whole
        // interval after that send, not after its slot.
        fakeNow += 30ms;
        QCOMPARE(t.waitFor(a), 0ms);
        QCOMPARE(t.waitFor(b), 1000ms);
        QCOMPARE(b - start, std::chrono::nanoseconds(1030ms));
        fakeNow += 999ms;
        QCOMPARE(t.waitFor(b), 1ms);
        fakeNow += 1ms;
        QCOMPARE(t.waitFor(b), 0ms);
        // A 429 now: the slot booked before it moves past the pause, and so do new ones.
        t.backOff(60s);
        QCOMPARE(t.waitFor(c), 60'000ms);
        QVERIFY(t.reserve() - fakeNow >= std::chrono::nanoseconds(61s));
        // Idle for a while: the next request may go at once.
        fakeNow += 1h;
        const auto later = t.reserve();
        QCOMPARE(later, fakeNow);
        QCOMPARE(RequestThrottle::nominatim().interval(), 1000ms);
    }

    void roundsCoordinatesOnTheText() {
        QCOMPARE(roundedCoordinate(u"47.3769172"_s, 90), coord("47.376917"));
        QCOMPARE(roundedCoordinate(u"47.3769175"_s, 90), coord("47.376918")); // a tie, rounded up
        QCOMPARE(roundedCoordinate(u"-0.0000005"_s, 90), coord("-0.000001")); // away from zero
        QCOMPARE(roundedCoordinate(u"-8.61"_s, 180), coord("-8.610000"));
        QCOMPARE(roundedCoordinate(u"179.9999996"_s, 180), coord("180.000000"));
        QVERIFY(!roundedCoordinate(u"180.0000006"_s, 180));
        QVERIFY(!roundedCoordinate(u"90.5"_s, 90));
        for (const QString& bad : {u""_s, u"1e5"_s, u"12,5"_s, u"NaN"_s, u"--1"_s, u"1."_s})
            QVERIFY2(!roundedCoordinate(bad, 180), qPrintable(bad));
    }

    void cacheRepository_data() { test::addBackendRows(); }
    void cacheRepository() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        GeocodeCacheRepository rows(*db, u"https://nominatim.example.org"_s, u"en"_s);
        GeocodeCache cache(rows);
        QVERIFY(!cache.find(u"Zürich"_s, u"CH"_s));
        const QList<OnlinePlace> places = parseNominatimResults(ValenciaJson);
        cache.store(u"Zürich"_s, u"ch"_s, places);
        // One question however it is spaced or cased...
        QCOMPARE(cache.find(u"  zÜRICH "_s, u"CH"_s).value(), places);
        // ... but accents matter (Münster is not Munster), and so do the country,
        // the answers' language and the server.
        QVERIFY(!cache.find(u"Zurich"_s, u"CH"_s));
        QVERIFY(!cache.find(u"Zürich"_s, {}));
        QVERIFY(!GeocodeCacheRepository(*db, u"https://nominatim.example.org"_s, u"de"_s)
                     .find(u"Zürich"_s, u"CH"_s));
        QVERIFY(
            !GeocodeCacheRepository(*db, u"https://other.example.org"_s, u"en"_s).find(u"Zürich"_s, u"CH"_s));
        cache.store(u"Atlantis"_s, {}, {});
        QVERIFY(cache.find(u"atlantis"_s, {}).has_value());
        QVERIFY(cache.find(u"atlantis"_s, {})->isEmpty());
        // Replacing keeps one row.
        cache.store(u"ZÜRICH"_s, u"CH"_s, places.mid(0, 1));
        QCOMPARE(cache.find(u"Zürich"_s, u"CH"_s)->size(), 1);
        QCOMPARE(
            col::integer(db->query(u"SELECT count(*) AS n FROM tripplanner_geocode_cache"_s).first(), "n"),
            2);

        // Lifetimes: a found place for 90 days, "nothing found" for 7.
        auto age = [&](const QString& key, int days) {
            db->execute(u"UPDATE tripplanner_geocode_cache SET fetched_at = :t WHERE query = :q"_s,
                        {{u"t"_s, QDateTime::currentDateTimeUtc().addDays(-days)}, {u"q"_s, key}});
        };
        age(u"atlantis"_s, 3);
        QVERIFY(cache.find(u"Atlantis"_s, {}).has_value());
        age(u"atlantis"_s, 8);
        QVERIFY(!cache.find(u"Atlantis"_s, {}).has_value());
        age(u"zürich"_s, 30);
        QVERIFY(cache.find(u"Zürich"_s, u"CH"_s).has_value());
        age(u"zürich"_s, 91);
        QVERIFY(!cache.find(u"Zürich"_s, u"CH"_s).has_value());
    }

    // Asks the loopback service, then answers the same question from the database.
    void serviceCachesAnswers_data() { test::addBackendRows(); }
    void serviceCachesAnswers() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        tmp.connectMigrated();
        LoopbackNominatim nominatim;
        GeocodingService service(tmp.url(), {nominatim.url(), {}, u"en"_s, 10000});
        QSignalSpy spy(&service, &GeocodingService::answered);

        const quint64 id = service.search(u"Valencia"_s, u"es"_s);
        GeocodeAnswer a = waitForAnswer(spy);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QCOMPARE(a.requestId, id);
        QVERIFY(!a.fromCache);
        QCOMPARE(a.places.size(), 2);
        QCOMPARE(nominatim.server.requests.size(), 1);
        const test::RecordedRequest& r = nominatim.server.requests.first();
        QVERIFY2(r.headers.value("user-agent").startsWith("TripPlanner/"), r.headers.value("user-agent"));
        QVERIFY(!r.headers.contains("cache-control"));
        QVERIFY(!r.headers.contains("pragma"));
        QVERIFY(r.target.contains("countrycodes=es"));

        service.search(u"  VALENCIA "_s, u"ES"_s);
        a = waitForAnswer(spy);
        QVERIFY(a.fromCache);
        QCOMPARE(a.places.size(), 2);
        QCOMPARE(nominatim.server.requests.size(), 1); // not asked again
    }

    // Questions asked at once reach the service at least a second apart.
    void serviceKeepsOneRequestPerSecond() {
        test::TempDatabase tmp(u"sqlite"_s);
        tmp.connectMigrated();
        LoopbackNominatim nominatim;
        GeocodingService service(tmp.url(), {nominatim.url(), {}, u"en"_s, 10000});
        QSignalSpy spy(&service, &GeocodingService::answered);
        for (const QString& q : {u"Lyon"_s, u"Porto"_s, u"Split"_s})
            service.search(q);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 15000);
        QCOMPARE(nominatim.arrivals.size(), 3);
        // The throttle starts them 1000 ms apart (precise timers, never early);
        // loopback delivery may shift an arrival by a few milliseconds.
        for (int i = 1; i < 3; ++i)
            QVERIFY2(nominatim.arrivals[i] - nominatim.arrivals[i - 1] >= 980,
                     qPrintable(u"%1 ms apart"_s.arg(nominatim.arrivals[i] - nominatim.arrivals[i - 1])));
        for (const QList<QVariant>& args : spy)
            QVERIFY(args.at(0).value<GeocodeAnswer>().places.isEmpty()); // "nothing found" is an answer
    }

    // Failures are told in words and never cached; a dead server is no crash.
    void failuresAreReportedNotCached() {
        test::TempDatabase tmp(u"sqlite"_s);
        auto db = tmp.connectMigrated();
        LoopbackNominatim nominatim;
        nominatim.status = 500;
        GeocodingService service(tmp.url(), {nominatim.url(), {}, u"en"_s, 10000});
        QSignalSpy spy(&service, &GeocodingService::answered);
        service.search(u"Valencia"_s);
        GeocodeAnswer a = waitForAnswer(spy);
        QVERIFY2(a.error.contains(u"HTTP 500"_s), qPrintable(a.error));
        QVERIFY(!GeocodeCacheRepository(*db, nominatim.url(), u"en"_s).find(u"Valencia"_s, {}));

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString deadUrl = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close();
        service.setConfig({deadUrl, {}, u"en"_s, 5000});
        service.search(u"Valencia"_s);
        a = waitForAnswer(spy);
        QVERIFY2(a.error.contains(u"could not be reached"_s), qPrintable(a.error));
        QVERIFY(a.places.isEmpty());

        service.search(u"   "_s);
        a = waitForAnswer(spy);
        QVERIFY(a.error.contains(u"Type a place name"_s));
    }

    // "429 Too Many Requests" pauses every request of the app for a minute.
    // (Last: it leaves the process-wide throttle paused.)
    void tooManyRequestsBacksOff() {
        test::TempDatabase tmp(u"sqlite"_s);
        tmp.connectMigrated();
        LoopbackNominatim nominatim;
        nominatim.status = 429;
        GeocodingService service(tmp.url(), {nominatim.url(), {}, u"en"_s, 10000});
        QSignalSpy spy(&service, &GeocodingService::answered);
        service.search(u"Valencia"_s);
        const GeocodeAnswer a = waitForAnswer(spy);
        QVERIFY2(a.error.contains(u"slow down"_s), qPrintable(a.error));
        QVERIFY(RequestThrottle::nominatim().reserve() - RequestThrottle::Clock::now() > 50s);
    }
};

QTEST_GUILESS_MAIN(TestGeocoding)
#include "tst_geocoding.moc"
