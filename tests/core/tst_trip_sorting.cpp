// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestBackends.h"
#include "repo/DestinationRepository.h"
#include "repo/TripOrder.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tp;

// Every order the trips table can be sorted in, in both directions, read page
// by page over 1,200 trips on every engine, against the order the rule states:
// NULLs last in both directions, ties newest first. Sorting by Budget once
// read freed memory (a QStringBuilder expression returned from a lambda built
// the ORDER BY); under the sanitizer build this test stops on such a read.
namespace {

constexpr int kTrips = 1200;
constexpr int kPage = 200;

// The stated rule for text, written here apart from TripOrder: only A-Z folded.
QString asciiLower(const QString& s) {
    QString out;
    for (QChar c : s)
        out += (c >= u'A' && c <= u'Z') ? QChar(c.unicode() + 32) : c;
    return out;
}

// <0, 0, >0 with NULLs (nullopt) after every value whatever the direction.
template <class T>
int compareNullsLast(const std::optional<T>& a, const std::optional<T>& b, bool descending) {
    if (!a && !b)
        return 0;
    if (!a)
        return 1;
    if (!b)
        return -1;
    if (*a == *b)
        return 0;
    const int c = *a < *b ? -1 : 1;
    return descending ? -c : c;
}

int primaryCompare(const Trip& a, const Trip& b, TripSortKey key, bool descending) {
    auto plain = [descending](const auto& x, const auto& y) {
        if (x == y)
            return 0;
        return (x < y) == !descending ? -1 : 1;
    };
    switch (key) {
    case TripSortKey::Created:
        return plain(a.createdAt, b.createdAt);
    case TripSortKey::Title:
        return plain(asciiLower(a.title).toUcs4(), asciiLower(b.title).toUcs4());
    case TripSortKey::Destination: {
        auto name = [](const Trip& t) -> std::optional<QString> {
            if (!t.destinationId)
                return std::nullopt;
            return asciiLower(t.destinationName);
        };
        auto ucs = [](const std::optional<QString>& n) -> std::optional<QList<uint>> {
            if (!n)
                return std::nullopt;
            return n->toUcs4();
        };
        return compareNullsLast(ucs(name(a)), ucs(name(b)), descending);
    }
    case TripSortKey::Dates: {
        auto start = [](const Trip& t) -> std::optional<QDate> {
            return t.startDate.isValid() ? std::optional<QDate>(t.startDate) : std::nullopt;
        };
        return compareNullsLast(start(a), start(b), descending);
    }
    case TripSortKey::Duration: {
        auto days = [](const Trip& t) -> std::optional<qint64> {
            if (!t.startDate.isValid() || !t.endDate.isValid())
                return std::nullopt;
            return t.startDate.daysTo(t.endDate);
        };
        return compareNullsLast(days(a), days(b), descending);
    }
    case TripSortKey::Budget:
        return compareNullsLast(a.budget, b.budget, descending);
    case TripSortKey::Travellers:
        return plain(a.travelersCount, b.travelersCount);
    case TripSortKey::Status:
        return plain(a.status, b.status);
    }
    return 0;
}

bool inStatedOrder(const Trip& a, const Trip& b, TripSortKey key, bool descending) {
    if (a.id == b.id)
        return false;
    const int c = primaryCompare(a, b, key, descending);
    if (c != 0)
        return c < 0;
    if (key == TripSortKey::Created)
        return descending ? a.id > b.id : a.id < b.id;
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id > b.id;
}

const char* keyName(TripSortKey key) {
    switch (key) {
    case TripSortKey::Created:
        return "created";
    case TripSortKey::Title:
        return "title";
    case TripSortKey::Destination:
        return "destination";
    case TripSortKey::Dates:
        return "dates";
    case TripSortKey::Duration:
        return "duration";
    case TripSortKey::Budget:
        return "budget";
    case TripSortKey::Travellers:
        return "travellers";
    case TripSortKey::Status:
        return "status";
    }
    return "?";
}

} // namespace

class TestTripSorting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyColumnBothDirections_data() { test::addBackendRows(); }
    void everyColumnBothDirections() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Id user = UserRepository(*db).create(u"sorter"_s).id;
        TripRepository trips(*db, user);
        QRandomGenerator rng(20261202); // fixed seed: the same rows on every run
        static const QStringList statuses{u"planning"_s, u"booked"_s, u"completed"_s, u"hotels_selected"_s};
        static const QStringList titles{u"Évora"_s,  u"évora"_s,  u"Evora"_s,  u"evora"_s, u"EVORA"_s,
                                        u"Zürich"_s, u"zurich"_s, u"Zurich"_s, u"Ærø"_s,   u"ærø"_s,
                                        u"Łódź"_s,   u"łódź"_s,   u"apple"_s,  u"Apple"_s, u"𝄞 music"_s,
                                        u"\uFFFD"_s}; // U+1D11E sorts after U+FFFD by code point
        db->transaction([&] {
            DestinationRepository places(*db);
            QList<Id> destinations;
            for (int i = 0; i < 12; ++i) {
                Destination d;
                static const QStringList names{u"Évora"_s, u"evora"_s, u"Zürich"_s, u"zurich"_s};
                d.name = i < 4 ? names.at(i) : u"place%1"_s.arg(QChar(u'a' + (i * 7) % 26));
                if (i % 3 == 0)
                    d.name = d.name.toUpper();
                d.country = u"country%1"_s.arg(i);
                destinations.append(places.create(d).id);
            }
            for (int i = 0; i < kTrips; ++i) {
                Trip t;
                // Mixed case, so that the order is case-insensitive or the test fails.
                // Mixed case and accents, some titles equal but for case or accent.
                t.title = (i % 7 == 0) ? titles.at(int(rng.bounded(int(titles.size()))))
                                       : (i % 2 ? u"Trip"_s : u"trip"_s) +
                                             u"%1"_s.arg(rng.bounded(500), 4, 10, QChar(u'0'));
                if (rng.bounded(5) != 0)
                    t.destinationId = destinations.at(int(rng.bounded(destinations.size())));
                if (rng.bounded(4) != 0) {
                    t.startDate = QDate(2027, 1, 1).addDays(rng.bounded(400));
                    if (rng.bounded(6) != 0)
                        t.endDate = t.startDate.addDays(rng.bounded(30));
                }
                if (rng.bounded(3) != 0)
                    t.budget = Decimal::parse(
                        u"%1.%2"_s.arg(rng.bounded(20000)).arg(rng.bounded(100), 2, 10, QChar(u'0')), 10, 2);
                t.travelersCount = 1 + int(rng.bounded(6));
                t.status = statuses.at(int(rng.bounded(statuses.size())));
                trips.create(t);
            }
        });
        QCOMPARE(trips.count(), kTrips);
        // Ties: a quarter of the trips share a creation time, ordered by id alone.
        db->execute(u"UPDATE api_trip SET created_at = :c WHERE id % 4 = 0"_s,
                    {{u"c"_s, QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc())}});

        for (TripSortKey key :
             {TripSortKey::Created, TripSortKey::Title, TripSortKey::Destination, TripSortKey::Dates,
              TripSortKey::Duration, TripSortKey::Budget, TripSortKey::Travellers, TripSortKey::Status}) {
            for (bool descending : {false, true}) {
                const TripOrder order{key, descending};
                QList<Trip> all;
                std::optional<Trip> after;
                for (int pages = 0; pages <= kTrips / kPage; ++pages) { // keyset paging, page by page
                    const QList<Trip> page = trips.page({}, order, kPage, after);
                    all += page;
                    if (page.size() < kPage)
                        break;
                    after = page.last();
                }
                const QByteArray what = QByteArray(keyName(key)) + (descending ? " desc" : " asc");
                QVERIFY2(all.size() == kTrips, what.constData());
                QSet<Id> seen;
                for (const Trip& t : all)
                    seen.insert(t.id);
                QVERIFY2(seen.size() == kTrips,
                         QByteArray(what + ": a trip is missing or repeated across pages").constData());
                for (int i = 1; i < all.size(); ++i) {
                    if (!inStatedOrder(all.at(i - 1), all.at(i), key, descending))
                        QFAIL(QByteArray(what + ": rows " + QByteArray::number(i - 1) + " and " +
                                         QByteArray::number(i) + " are out of order")
                                  .constData());
                }
                // The C++ path (the window placing a row it created or changed)
                // orders the same rows identically: sorting them with
                // TripOrder::before gives the database's order, row for row.
                QList<Trip> sorted = all;
                std::reverse(sorted.begin(), sorted.end());
                std::stable_sort(sorted.begin(), sorted.end(),
                                 [&](const Trip& a, const Trip& b) { return order.before(a, b); });
                for (int i = 0; i < all.size(); ++i)
                    if (sorted.at(i).id != all.at(i).id)
                        QFAIL(QByteArray(what + ": C++ order differs from the database's at row " +
                                         QByteArray::number(i))
                                  .constData());
                // And each row's place as the window computes it for an insertion.
                for (int i = 0; i < all.size(); i += 97) {
                    QList<Trip> others = all;
                    const Trip t = others.takeAt(i);
                    const auto at = std::partition_point(others.cbegin(), others.cend(),
                                                         [&](const Trip& r) { return order.before(r, t); });
                    QVERIFY2(at - others.cbegin() == i, what.constData());
                }
            }
        }
    }

    // The filter's SQL (both engines) and tripMatches (the window's C++ path)
    // select the same trips: case, accents, LIKE's own characters, NULL
    // descriptions and dates.
    void filterSameInSqlAndCpp_data() { test::addBackendRows(); }
    void filterSameInSqlAndCpp() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Id user = UserRepository(*db).create(u"filterer"_s).id;
        TripRepository trips(*db, user);
        static const QStringList titles{u"Évora in spring"_s, u"évora"_s,    u"EVORA trip"_s, u"Zürich"_s,
                                        u"ZURICH"_s,          u"100% fun"_s, u"a_b"_s,        u"Łódź"_s};
        db->transaction([&] {
            for (int i = 0; i < titles.size() * 3; ++i) {
                Trip t;
                t.title = titles.at(i % titles.size());
                if (i % 3 == 1)
                    t.description = u"Visit ÉVORA and zürich"_s;
                if (i % 4 != 0)
                    t.startDate = QDate(2027, 1, 1).addDays(i * 5);
                if (i % 5 != 0 && t.startDate.isValid())
                    t.endDate = t.startDate.addDays(i % 9);
                t.travelersCount = 1;
                t.status = i % 2 ? u"planning"_s : u"booked"_s;
                trips.create(t);
            }
        });
        const QList<Trip> everything = trips.list();
        QList<TripFilter> filters;
        for (const QString& text : {u"evora"_s, u"ÉVORA"_s, u"Évora"_s, u"zürich"_s, u"ZÜRICH"_s, u"zurich"_s,
                                    u"%"_s, u"_"_s, u"łódź"_s, u"  trip "_s})
            filters.append({{}, {}, {}, text});
        filters.append({u"planning"_s, QDate(2027, 2, 1), QDate(2027, 4, 1), u"e"_s});
        filters.append({{}, QDate(2027, 3, 1), {}, {}});
        filters.append({{}, {}, QDate(2027, 2, 1), {}});
        for (const TripFilter& f : filters) {
            QSet<Id> inSql, inCpp;
            for (const Trip& t : trips.list(f))
                inSql.insert(t.id);
            for (const Trip& t : everything)
                if (tripMatches(t, f))
                    inCpp.insert(t.id);
            QVERIFY2(inSql == inCpp,
                     qPrintable(u"filter text '%1' status '%2': SQL %3 rows, C++ %4"_s.arg(
                         f.text, f.status, QString::number(inSql.size()), QString::number(inCpp.size()))));
            QCOMPARE(trips.count(f), int(inSql.size()));
        }
        // Not vacuous, and the rule as stated: ASCII case folds, accents and other case do not.
        auto countOf = [&](const QString& text) {
            TripFilter f;
            f.text = text;
            return trips.count(f);
        };
        QCOMPARE(countOf(u"EVORA"_s), 3);  // "EVORA trip"
        QCOMPARE(countOf(u"évora"_s), 3);  // "évora", not "Évora in spring"
        QCOMPARE(countOf(u"ÉVORA"_s), 10); // "Évora in spring" and the descriptions "Visit ÉVORA"
        QCOMPARE(countOf(u"100%"_s), 3);   // % is a character, not a wildcard
        QCOMPARE(countOf(u"a_b"_s), 3);
    }
};

QTEST_GUILESS_MAIN(TestTripSorting)
#include "tst_trip_sorting.moc"
