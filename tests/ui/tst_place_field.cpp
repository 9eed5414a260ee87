// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeLlmServer.h"
#include "PlanSample.h"
#include "TestBackends.h"
#include "destinations/CoordinatePickerDialog.h"
#include "geo/GeocodingService.h"
#include "map/MapWidget.h"
#include "plan/ActivitiesEditor.h"
#include "plan/PlaceField.h"
#include "plan/PlanEditor.h"
#include "plan/StaysEditor.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::PlaceField;

namespace {

// Answers /search like nominatim.openstreetmap.org: two places for the
// mountain hut, nothing for anything else. `arrived` runs as a request reaches
// the server, before it is answered (what the user does meanwhile).
struct LoopbackNominatim {
    tp::test::FakeLlmServer server;
    std::function<void()> arrived;
    LoopbackNominatim() {
        server.handler = [this](const tp::test::RecordedRequest& r) {
            if (arrived)
                arrived();
            tp::test::FakeResponse out;
            out.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
            const QString q = QUrlQuery(QUrl::fromEncoded(r.target).query()).queryItemValue(u"q"_s);
            out.body = q != u"Rifugio Sapienza"_s ? QByteArray("[]") : QByteArray(R"json([
              {"lat":"37.7002150","lon":"14.9993220","type":"alpine_hut","name":"Rifugio Sapienza",
               "display_name":"Rifugio Sapienza, Nicolosi, Catania, Sicilia, Italia","address":{"country_code":"it"}},
              {"lat":"37.6990000","lon":"15.0010000","type":"bus_stop","name":"Rifugio Sapienza",
               "display_name":"Rifugio Sapienza (bus stop), Nicolosi, Italia","address":{"country_code":"it"}}])json");
            return out;
        };
    }
};

// The sample plan with two more stays: one whose place the gazetteer knows,
// one it does not (both without coordinates yet).
plan::Plan samplePlan() {
    plan::Plan p = ::test::plansample::plan();
    p.stays.first().place.zone = u"Europe/Rome"_s;
    p.stays.first().place.raw = QJsonObject{{u"x_osm_id"_s, 42}};
    plan::Stay palermo;
    palermo.id = u"stay-palermo"_s;
    palermo.name = u"Palazzo"_s;
    palermo.place.name = u"Palermo, Italy"_s;
    palermo.checkIn = QDate(2026, 6, 6);
    palermo.checkOut = QDate(2026, 6, 7);
    p.stays << palermo;
    plan::Stay hut;
    hut.id = u"stay-hut"_s;
    hut.name = u"Mountain hut"_s;
    hut.place.name = u"Rifugio Sapienza, Italy"_s;
    hut.checkIn = QDate(2026, 6, 7);
    hut.checkOut = QDate(2026, 6, 8);
    p.stays << hut;
    return p;
}

} // namespace

// The plan forms' place field (ui/plan/PlaceField) in the stays' and the
// activities' editors: the offline gazetteer, OpenStreetMap Nominatim (a real
// GeocodingService against a loopback server), a pick on the map, and answers
// that come too late. Each result is checked in the plan the editor asks for.
class TestPlaceField : public QObject {
    Q_OBJECT

    struct Emitted {
        QList<plan::Plan> plans;
        QStringList descriptions;
    };

    template <class Editor> std::unique_ptr<Editor> makeEditor(Emitted& out) {
        auto e = std::make_unique<Editor>();
        e->resize(1200, 800);
        e->setPlan(samplePlan(), ::test::plansample::context());
        connect(e.get(), &ui::PlanSection::changeRequested, this,
                [&out](const plan::Plan& p, const QString& d) {
                    out.plans << p;
                    out.descriptions << d;
                });
        e->show();
        return e;
    }

    template <class T> static T* child(QWidget* w, const QString& name) {
        T* c = w->findChild<T*>(name);
        if (!c)
            qFatal("no child %s", qPrintable(name));
        return c;
    }

    static void type(QLineEdit* field, const QString& text) {
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
    }

    static QString lat(const plan::Place& p) { return p.latitude ? p.latitude->toString() : QString(); }
    static QString lon(const plan::Place& p) { return p.longitude ? p.longitude->toString() : QString(); }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_place_field"_s);
    }

    void gazetteerFindsTheStaysPlace() {
        Emitted out;
        auto e = makeEditor<ui::StaysEditor>(out);
        QVERIFY(e->selectItem(u"stay-palermo"_s));
        PlaceField* field = e->placeField();
        QCOMPARE(field->lineEdit(), child<QLineEdit>(e.get(), u"stayPlace"_s));
        QVERIFY(field->infoLabel()->text().isEmpty()); // no coordinates yet
        QVERIFY(!field->infoLabel()->isVisible());     // and no empty line in the form
        QSignalSpy done(field, &PlaceField::lookupFinished);
        QTest::mouseClick(child<QPushButton>(e.get(), u"stayFindPlace"_s), Qt::LeftButton);
        QVERIFY(done.wait(10000));
        auto* info = child<QLabel>(e.get(), u"stayPlaceInfo"_s);
        QVERIFY2(info->text().startsWith(u"Palermo, Italy: 38."_s), qPrintable(info->text()));
        QVERIFY(info->isVisible());
        QVERIFY(e->isDirty());
        QTest::mouseClick(child<QPushButton>(e.get(), u"staySave"_s), Qt::LeftButton);
        QCOMPARE(out.plans.size(), 1);
        QCOMPARE(out.descriptions.first(), u"Edit stay Palazzo"_s);
        const plan::Place place = out.plans.first().stay(u"stay-palermo"_s)->place;
        QCOMPARE(place.name, u"Palermo, Italy"_s);
        QCOMPARE(lat(place).left(3), u"38."_s);
        QCOMPARE(lon(place).left(3), u"13."_s);
    }

    void gazetteerFindsTheActivitysPlace() {
        Emitted out;
        auto e = makeEditor<ui::ActivitiesEditor>(out);
        QVERIFY(e->selectItem(u"act-temples"_s));
        type(child<QLineEdit>(e.get(), u"activityPlace"_s), u"Agrigento"_s);
        QSignalSpy done(e->placeField(), &PlaceField::lookupFinished);
        QTest::mouseClick(child<QPushButton>(e.get(), u"activityFindPlace"_s), Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QTest::mouseClick(child<QPushButton>(e.get(), u"activitySave"_s), Qt::LeftButton);
        QCOMPARE(out.plans.size(), 1);
        const plan::Activity* a = out.plans.first().activity(u"act-temples"_s);
        QCOMPARE(a->place.name, u"Agrigento"_s);
        QCOMPARE(lat(a->place).left(3), u"37."_s);
        QCOMPARE(lon(a->place).left(3), u"13."_s);
        QCOMPARE(a->raw, samplePlan().activity(u"act-temples"_s)->raw);
    }

    // A new name makes the coordinates of the old one wrong: they go, the
    // place's other keys stay.
    void typingDropsTheCoordinates() {
        Emitted out;
        auto e = makeEditor<ui::StaysEditor>(out);
        QVERIFY(e->selectItem(u"stay-hotel1"_s));
        auto* info = child<QLabel>(e.get(), u"stayPlaceInfo"_s);
        QVERIFY2(info->text().contains(u"37.502700, 15.087300"_s), qPrintable(info->text()));
        QVERIFY(e->placeField()->place().hasCoordinates());
        auto* edit = child<QLineEdit>(e.get(), u"stayPlace"_s);
        edit->setFocus();
        edit->end(false);
        QTest::keyClicks(edit, u" Nord"_s);
        QVERIFY2(info->text().startsWith(u"No coordinates"_s), qPrintable(info->text()));
        QTest::mouseClick(child<QPushButton>(e.get(), u"staySave"_s), Qt::LeftButton);
        QCOMPARE(out.plans.size(), 1);
        const plan::Place place = out.plans.first().stay(u"stay-hotel1"_s)->place;
        QCOMPARE(place.name, u"Catania Nord"_s);
        QVERIFY(!place.latitude && !place.longitude);
        QCOMPARE(place.zone, u"Europe/Rome"_s);
        QCOMPARE(place.raw, QJsonObject({{u"x_osm_id"_s, 42}}));
    }

    void pickOnTheMap() {
        Emitted out;
        auto e = makeEditor<ui::StaysEditor>(out);
        // A place without coordinates: the map opens on the trip's destination.
        QVERIFY(e->selectItem(u"stay-hut"_s));
        PlaceField* field = e->placeField();
        auto* pick = child<QPushButton>(e.get(), u"stayPickPlace"_s);
        QTest::mouseClick(pick, Qt::LeftButton);
        QPointer<ui::CoordinatePickerDialog> picker = field->picker();
        QVERIFY(picker);
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(picker->windowModality(), Qt::WindowModal);
        QVERIFY(picker->testAttribute(Qt::WA_DeleteOnClose));
        QVERIFY(qAbs(picker->map()->center().lat - 37.6) < 1e-4);
        QVERIFY(qAbs(picker->map()->center().lon - 14.0154) < 1e-4);
        picker->reject();
        QTRY_VERIFY(!picker); // deleted on close
        QVERIFY(!field->place().hasCoordinates());
        QVERIFY(!e->isDirty());

        // A place with coordinates: the map opens there; the point picked is used.
        QVERIFY(e->selectItem(u"stay-hotel1"_s));
        QTest::mouseClick(pick, Qt::LeftButton);
        picker = field->picker();
        QVERIFY(picker);
        QTRY_VERIFY(picker->isVisible());
        QVERIFY(qAbs(picker->map()->center().lat - 37.5027) < 1e-4);
        QVERIFY(qAbs(picker->map()->center().lon - 15.0873) < 1e-4);
        picker->pick(geo::LonLat{15.2, 37.1});
        QPushButton* use = picker->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QTRY_VERIFY(!picker);
        const QString info = child<QLabel>(e.get(), u"stayPlaceInfo"_s)->text();
        QVERIFY2(info.contains(u"37.100000, 15.200000"_s), qPrintable(info));
        QVERIFY(e->isDirty());
        QTest::mouseClick(child<QPushButton>(e.get(), u"staySave"_s), Qt::LeftButton);
        QCOMPARE(out.plans.size(), 1);
        const plan::Place place = out.plans.first().stay(u"stay-hotel1"_s)->place;
        QCOMPARE(place.name, u"Catania"_s);
        QCOMPARE(lat(place), u"37.100000"_s);
        QCOMPARE(lon(place), u"15.200000"_s);
        QCOMPARE(place.raw, QJsonObject({{u"x_osm_id"_s, 42}}));
    }

    void nominatimWhenTheGazetteerDoesNotKnowThePlace() {
        tp::test::TempDatabase tmp(u"sqlite"_s);
        tmp.connectMigrated();
        LoopbackNominatim nominatim;
        geo::GeocodingService geocoder(tmp.url(),
                                       {nominatim.server.baseUrl().toString(), {}, u"en"_s, 10000});
        Emitted out;
        auto e = makeEditor<ui::StaysEditor>(out);
        QVERIFY(e->selectItem(u"stay-hut"_s));
        PlaceField* field = e->placeField();
        auto* find = child<QPushButton>(e.get(), u"stayFindPlace"_s);
        auto* info = child<QLabel>(e.get(), u"stayPlaceInfo"_s);
        QSignalSpy done(field, &PlaceField::lookupFinished);

        // Online search off: the gazetteer alone, and the tooltip says why.
        type(field->lineEdit(), u"Rifugio Sapienza"_s);
        QVERIFY2(find->toolTip().contains(u"Online search is turned off (Settings → Map)"_s),
                 qPrintable(find->toolTip()));
        QTest::mouseClick(find, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(info->text().contains(u"not found in the offline gazetteer"_s), qPrintable(info->text()));
        QVERIFY(nominatim.server.requests.isEmpty());
        QVERIFY(!field->place().hasCoordinates());

        // On: the country named narrows the search; the best answer is used,
        // the others listed, with OpenStreetMap's attribution.
        e->setGeocoder(&geocoder);
        QVERIFY(find->toolTip().contains(u"Nominatim"_s));
        type(field->lineEdit(), u"Rifugio Sapienza, Italy"_s);
        QTest::mouseClick(find, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QCOMPARE(nominatim.server.requests.size(), 1);
        QVERIFY(nominatim.server.requests.first().target.contains("countrycodes=it"));
        QVERIFY2(info->text().contains(u"Search data © OpenStreetMap contributors"_s),
                 qPrintable(info->text()));
        QCOMPARE(lat(field->place()), u"37.700215"_s);
        auto* results = child<QListWidget>(e.get(), u"stayPlaceResults"_s);
        QVERIFY(results->isVisible());
        QCOMPARE(results->count(), 2);
        results->setCurrentRow(1);
        QCOMPARE(lat(field->place()), u"37.699000"_s);
        QVERIFY(info->text().contains(u"bus stop"_s));
        QTest::mouseClick(child<QPushButton>(e.get(), u"staySave"_s), Qt::LeftButton);
        QCOMPARE(out.plans.size(), 1);
        const plan::Place place = out.plans.first().stay(u"stay-hut"_s)->place;
        QCOMPARE(place.name, u"Rifugio Sapienza, Italy"_s);
        QCOMPARE(lat(place), u"37.699000"_s);
        QCOMPARE(lon(place), u"15.001000"_s);

        // Found nowhere: said so, and the coordinates stay as they were... none,
        // since typing dropped them.
        type(field->lineEdit(), u"Qwxzzy Flumph"_s);
        QTest::mouseClick(find, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(info->text().contains(u"Neither the offline gazetteer nor OpenStreetMap Nominatim"_s),
                 qPrintable(info->text()));
        QVERIFY(!results->isVisible());
        QVERIFY(!field->place().hasCoordinates());

        // Only the country known: its centre, when Nominatim has nothing better.
        type(field->lineEdit(), u"Qwxzzy Flumph, Italy"_s);
        QTest::mouseClick(find, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QCOMPARE(nominatim.server.requests.size(), 3);
        QVERIFY2(info->text().contains(u"country's centre"_s), qPrintable(info->text()));
        QVERIFY(field->place().hasCoordinates());
    }

    // The user selects another stay while the answer is on its way: the answer
    // is for the stay left, and the one shown keeps its coordinates.
    void lateAnswersForAnotherItemAreDropped() {
        Emitted out;
        auto e = makeEditor<ui::StaysEditor>(out);
        PlaceField* field = e->placeField();
        QSignalSpy done(field, &PlaceField::lookupFinished);

        // The gazetteer answers from its thread: select the hotel before that.
        QVERIFY(e->selectItem(u"stay-palermo"_s));
        QTest::mouseClick(child<QPushButton>(e.get(), u"stayFindPlace"_s), Qt::LeftButton);
        QVERIFY(e->selectItem(u"stay-hotel1"_s));
        QVERIFY(done.wait(10000));
        QCOMPARE(lat(field->place()), u"37.502700"_s);
        QVERIFY(!e->isDirty());
        QVERIFY(child<QLabel>(e.get(), u"stayPlaceInfo"_s)->text().contains(u"Catania (37.502700"_s));

        // Nominatim: the hotel is selected while the server works on the question.
        tp::test::TempDatabase tmp(u"sqlite"_s);
        tmp.connectMigrated();
        LoopbackNominatim nominatim;
        geo::GeocodingService geocoder(tmp.url(),
                                       {nominatim.server.baseUrl().toString(), {}, u"en"_s, 10000});
        e->setGeocoder(&geocoder);
        QVERIFY(e->selectItem(u"stay-hut"_s));
        nominatim.arrived = [&] {
            QVERIFY(e->selectItem(u"stay-hotel1"_s));
        };
        QSignalSpy answered(&geocoder, &geo::GeocodingService::answered);
        QTest::mouseClick(child<QPushButton>(e.get(), u"stayFindPlace"_s), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QCOMPARE(nominatim.server.requests.size(), 1);
        QCOMPARE(answered.first().first().value<geo::GeocodeAnswer>().places.size(), 2);
        QCOMPARE(e->formStay().id, u"stay-hotel1"_s);
        QCOMPARE(lat(field->place()), u"37.502700"_s);
        QVERIFY(!e->isDirty());
        QVERIFY(!field->resultList()->isVisible());
        QVERIFY(field->findButton()->isEnabled());
        QVERIFY(out.plans.isEmpty());
    }

    // The editor goes (the trip closed) while a look-up runs: its answer finds
    // nobody to tell, and nothing breaks.
    void editorGoneWhileLookingUp() {
        tp::test::TempDatabase tmp(u"sqlite"_s);
        tmp.connectMigrated();
        LoopbackNominatim nominatim;
        geo::GeocodingService geocoder(tmp.url(),
                                       {nominatim.server.baseUrl().toString(), {}, u"en"_s, 10000});
        Emitted out;
        auto e = std::make_unique<ui::PlanEditor>();
        e->setContext(::test::plansample::context());
        e->setPlan(samplePlan());
        e->setGeocoder(&geocoder);
        e->show();
        QVERIFY(e->stays()->selectItem(u"stay-hut"_s));
        nominatim.arrived = [&] {
            e.reset();
        };
        QSignalSpy answered(&geocoder, &geo::GeocodingService::answered);
        QTest::mouseClick(e->findChild<QPushButton*>(u"stayFindPlace"_s), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QVERIFY(!e);

        // The gazetteer's thread outlives the editor too.
        e = std::make_unique<ui::PlanEditor>();
        e->setContext(::test::plansample::context());
        e->setPlan(samplePlan());
        e->show();
        e->showStage(u"activities"_s);
        QVERIFY(e->activities()->selectItem(u"act-etna"_s));
        QTest::mouseClick(e->findChild<QPushButton*>(u"activityFindPlace"_s), Qt::LeftButton);
        e.reset();
        QTest::qWait(1000);
    }

    // PlanEditor::setGeocoder reaches both forms.
    void planEditorPassesTheGeocoderOn() {
        tp::test::TempDatabase tmp(u"sqlite"_s);
        tmp.connectMigrated();
        geo::GeocodingService geocoder(tmp.url(), {u"http://127.0.0.1:9"_s, {}, u"en"_s, 10000});
        ui::PlanEditor e;
        for (PlaceField* f : {e.stays()->placeField(), e.activities()->placeField()})
            QVERIFY(f->findButton()->toolTip().contains(u"turned off"_s));
        e.setGeocoder(&geocoder);
        for (PlaceField* f : {e.stays()->placeField(), e.activities()->placeField()})
            QVERIFY2(f->findButton()->toolTip().contains(u"Nominatim"_s) &&
                         !f->findButton()->toolTip().contains(u"turned off"_s),
                     qPrintable(f->findButton()->toolTip()));
        e.setGeocoder(nullptr);
        QVERIFY(e.stays()->placeField()->findButton()->toolTip().contains(u"turned off"_s));
    }
};

QTEST_MAIN(TestPlaceField)
#include "tst_place_field.moc"
