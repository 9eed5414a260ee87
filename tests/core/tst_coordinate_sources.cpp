// SPDX-License-Identifier: GPL-3.0-or-later
// Where destinations' coordinates came from (tripplanner_coordinate_source),
// on SQLite, PostgreSQL and PostgreSQL behind PgBouncer.
#include "TestBackends.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {
Decimal coord(const char* text) {
    return *Decimal::parse(QString::fromLatin1(text), 9, 6);
}

Destination valencia(Database& db) {
    Destination d;
    d.name = u"Valencia"_s;
    d.country = u"Spain"_s;
    d.latitude = coord("39.469907");
    d.longitude = coord("-0.376288");
    return DestinationRepository(db).create(d);
}
} // namespace

class TestCoordinateSources : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void originIdsRoundTrip() {
        for (CoordinateOrigin o :
             {CoordinateOrigin::Typed, CoordinateOrigin::Map, CoordinateOrigin::Gazetteer,
              CoordinateOrigin::CountryCentre, CoordinateOrigin::Nominatim, CoordinateOrigin::Model,
              CoordinateOrigin::Catalogue}) {
            QCOMPARE(coordinateOriginFromId(coordinateOriginId(o)), std::optional(o));
            QVERIFY(!coordinateOriginLabel(o).isEmpty());
        }
        QCOMPARE(coordinateOriginId(CoordinateOrigin::CountryCentre), u"country_centre"_s);
        QVERIFY(!coordinateOriginFromId(u"guess"_s));
    }

    void recordsAndReads_data() { test::addBackendRows(); }
    void recordsAndReads() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        CoordinateSourceRepository sources(*db);
        Destination d = valencia(*db);
        QVERIFY(!sources.of(d));

        sources.record(d, CoordinateOrigin::Nominatim, u"València, Comunitat Valenciana, España"_s);
        auto s = sources.of(d);
        QVERIFY(s);
        QCOMPARE(s->origin, CoordinateOrigin::Nominatim);
        QCOMPARE(s->detail, u"València, Comunitat Valenciana, España"_s);
        QCOMPARE(s->latitude, *d.latitude);
        QVERIFY(s->recordedAt.isValid());
        QCOMPARE(s->recordedAt.timeSpec(), Qt::UTC);
        QVERIFY(s->text().contains(u"Nominatim"_s));

        // A second record replaces the first.
        sources.record(d, CoordinateOrigin::Map);
        QCOMPARE(sources.of(d)->origin, CoordinateOrigin::Map);
        QCOMPARE(sources.all().size(), 1);

        // Coordinates changed elsewhere (the web app): the source no longer applies.
        d.latitude = coord("39.5");
        d = DestinationRepository(*db).update(d);
        QVERIFY(!sources.of(d));
        QCOMPARE(sources.all().size(), 1); // kept, but not shown as the source of other numbers

        // No coordinates: nothing to explain.
        d.latitude.reset();
        d.longitude.reset();
        d = DestinationRepository(*db).update(d);
        sources.record(d, CoordinateOrigin::Typed);
        QVERIFY(sources.all().isEmpty());
    }

    // The row goes with its destination, whoever deletes it, and the table
    // takes only the sources it knows.
    void databaseRules_data() { test::addBackendRows(); }
    void databaseRules() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        CoordinateSourceRepository sources(*db);
        const Destination d = valencia(*db);
        sources.record(d, CoordinateOrigin::Gazetteer, u"Valencia, Spain"_s);
        QVERIFY_THROWS_EXCEPTION(Error,
                                 db->execute(u"UPDATE tripplanner_coordinate_source SET source = 'guess'"_s));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 db->execute(u"UPDATE tripplanner_coordinate_source SET latitude = '91'"_s));
        // A raw delete, as the web app's would be: the database cascades.
        db->execute(u"DELETE FROM api_destination WHERE id = :id"_s, {{u"id"_s, d.id}});
        QVERIFY(sources.all().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCoordinateSources)
#include "tst_coordinate_sources.moc"
