// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanSample.h"
#include "plan/ActivitiesEditor.h"
#include "plan/BudgetEditor.h"
#include "plan/DayDropList.h"
#include "plan/ItemDragList.h"
#include "plan/ItineraryView.h"
#include "plan/LegsEditor.h"
#include "plan/PlanEditor.h"
#include "plan/ReviewView.h"
#include "plan/StaysEditor.h"
#include "style/ErrorText.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::PlanEditor;

// The plan's editors driven from the keyboard as a person would: each change
// comes out as one whole new plan (changeRequested) with its description, the
// other items untouched (ids and raw keys kept). Nothing here touches a database.
class TestPlanEditor : public QObject {
    Q_OBJECT

    struct Emitted {
        QList<plan::Plan> plans;
        QStringList descriptions;
    };

    // The editor, shown and active so that Alt shortcuts reach it.
    std::unique_ptr<PlanEditor> makeEditor(Emitted& out) {
        auto e = std::make_unique<PlanEditor>();
        e->resize(1400, 900);
        e->setContext(test::plansample::context());
        e->setPlan(test::plansample::plan());
        connect(e.get(), &PlanEditor::changeRequested, this, [&out](const plan::Plan& p, const QString& d) {
            out.plans << p;
            out.descriptions << d;
        });
        e->show();
        e->activateWindow();
        if (!QTest::qWaitForWindowActive(e.get()))
            qWarning("the editor's window did not become active");
        return e;
    }

    template <class T> static T* child(QWidget* w, const QString& name) {
        T* c = w->findChild<T*>(name);
        if (!c)
            qFatal("no child %s", qPrintable(name));
        return c;
    }

    static void type(QWidget* field, const QString& text) {
        field->setFocus();
        if (auto* edit = qobject_cast<QLineEdit*>(field))
            edit->selectAll();
        QTest::keyClicks(field, text);
    }

    // Alt+letter as the window system delivers it, so that mnemonics (shortcuts)
    // see it. A button's mnemonic clicks it after its press animation: wait for the click.
    static void alt(QWidget* window, Qt::Key key) {
        if (QApplication::activeWindow() != window->window())
            qWarning("the editor's window is not the active window: Alt+%c will not reach it", char(key));
        QAbstractButton* button = nullptr;
        for (QAbstractButton* b : window->findChildren<QAbstractButton*>())
            if (b->isVisible() && b->isEnabled() &&
                QKeySequence::mnemonic(b->text()) == QKeySequence(Qt::ALT | key))
                button = b;
        std::optional<QSignalSpy> clicked;
        if (button)
            clicked.emplace(button, &QAbstractButton::clicked);
        QTest::keyClick(window->window()->windowHandle(), key, Qt::AltModifier);
        if (clicked && clicked->isEmpty() && !clicked->wait(5000))
            qWarning("Alt+%c did not click %s", char(key), qPrintable(button->objectName()));
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setEffectEnabled(Qt::UI_AnimateCombo, false); }

    void staysAddByKeyboard() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"accommodation"_s);
        QCOMPARE(e->tabs()->currentWidget(), e->stays());
        auto* coverage = child<QLabel>(e.get(), u"stayCoverage"_s);
        QVERIFY2(coverage->text().contains(u"2 nights without a stay"_s), qPrintable(coverage->text()));
        QVERIFY(ui::isErrorText(coverage));

        alt(e.get(), Qt::Key_W); // New stay
        QVERIFY(child<QLineEdit>(e.get(), u"stayName"_s)->text().isEmpty());
        // The new stay starts where the last ends.
        QCOMPARE(child<QLineEdit>(e.get(), u"stayCheckIn"_s)->text(), u"2026-06-06"_s);
        alt(e.get(), Qt::Key_N);
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(e.get(), u"stayName"_s));
        QTest::keyClicks(QApplication::focusWidget(), u"B&B Ortigia"_s);
        type(child<QLineEdit>(e.get(), u"stayPlace"_s), u"Siracusa"_s);
        // A check-out before the check-in is named as typed, and cannot be saved.
        type(child<QLineEdit>(e.get(), u"stayCheckOut"_s), u"2026-06-05"_s);
        auto* errors = child<QLabel>(e.get(), u"stayErrors"_s);
        QVERIFY2(errors->text().contains(u"Check-out: must be after the check-in date"_s),
                 qPrintable(errors->text()));
        QVERIFY(!child<QPushButton>(e.get(), u"staySave"_s)->isEnabled());
        type(child<QLineEdit>(e.get(), u"stayCheckOut"_s), u"2026-06-08"_s);
        type(child<QLineEdit>(e.get(), u"stayPrice"_s), u"240.5"_s);
        type(child<QLineEdit>(e.get(), u"stayCurrency"_s), u"EUX"_s);
        QVERIFY2(errors->text().contains(u"Currency: \"EUX\" is not an ISO 4217"_s),
                 qPrintable(errors->text()));
        type(child<QLineEdit>(e.get(), u"stayCurrency"_s), u"EUR"_s);
        type(child<QLineEdit>(e.get(), u"stayBookingRef"_s), u"ORT-7"_s);
        QVERIFY2(errors->text().isEmpty(), qPrintable(errors->text()));
        QVERIFY(out.plans.isEmpty()); // nothing asked before Save

        alt(e.get(), Qt::Key_S);
        QCOMPARE(out.plans.size(), 1);
        QCOMPARE(out.descriptions.first(), u"Add stay B&B Ortigia"_s);
        const plan::Plan& p = out.plans.first();
        QCOMPARE(p.stays.size(), 2);
        const plan::Stay& added = p.stays.last();
        QVERIFY(added.id.startsWith(u"stay-"_s));
        QCOMPARE(added.name, u"B&B Ortigia"_s);
        QCOMPARE(added.place.name, u"Siracusa"_s);
        QCOMPARE(added.checkIn, QDate(2026, 6, 6));
        QCOMPARE(added.checkOut, QDate(2026, 6, 8));
        QCOMPARE(added.price->amount, test::plansample::amount("240.50"));
        QCOMPARE(added.price->currency, u"EUR"_s);
        QCOMPARE(added.bookingRef, u"ORT-7"_s);
        QCOMPARE(added.status, u"idea"_s);
        // The rest of the plan is what it was, raw keys included.
        const plan::Plan before = test::plansample::plan();
        QCOMPARE(p.stays.first().raw, before.stays.first().raw);
        QCOMPARE(p.stays.first().id, before.stays.first().id);
        QCOMPARE(p.legs.size(), 1);
        QCOMPARE(p.activities.size(), 3);

        // The saved plan comes back: every night is covered, the new stay stays selected.
        e->setPlan(p);
        QCOMPARE(coverage->text(), u"Every night of the trip has a stay."_s);
        QVERIFY(!ui::isErrorText(coverage));
        auto* table = child<QTableWidget>(e.get(), u"stayTable"_s);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->currentRow(), 1);

        // Editing keeps the id and raw keys.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Up);
        QCOMPARE(child<QLineEdit>(e.get(), u"stayName"_s)->text(), u"Hotel Etna"_s);
        type(child<QLineEdit>(e.get(), u"stayName"_s), u"Hotel Etna Nord"_s);
        alt(e.get(), Qt::Key_S);
        QCOMPARE(out.plans.size(), 2);
        QCOMPARE(out.descriptions.last(), u"Edit stay Hotel Etna Nord"_s);
        QCOMPARE(out.plans.last().stays.first().id, u"stay-hotel1"_s);
        QCOMPARE(out.plans.last().stays.first().raw, before.stays.first().raw);
        QCOMPARE(out.plans.last().stays.first().name, u"Hotel Etna Nord"_s);
    }

    void stayPlaceFromGazetteer() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"accommodation"_s);
        alt(e.get(), Qt::Key_W);
        type(child<QLineEdit>(e.get(), u"stayName"_s), u"Palazzo"_s);
        type(child<QLineEdit>(e.get(), u"stayPlace"_s), u"Palermo, Italy"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter looks the place up
        auto* info = child<QLabel>(e.get(), u"stayPlaceInfo"_s);
        QTRY_VERIFY2(info->text().startsWith(u"Palermo, Italy: 38."_s), qPrintable(info->text()));
        type(child<QLineEdit>(e.get(), u"stayCheckOut"_s), u"2026-06-07"_s);
        alt(e.get(), Qt::Key_S);
        QCOMPARE(out.plans.size(), 1);
        const plan::Place place = out.plans.first().stays.last().place;
        QVERIFY(place.hasCoordinates());
        QCOMPARE(place.latitude->toString().left(3), u"38."_s);
        QCOMPARE(place.longitude->toString().left(3), u"13."_s);
    }

    void legAcrossZones() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"flights"_s);
        QCOMPARE(e->tabs()->currentWidget(), e->legs());
        alt(e.get(), Qt::Key_W);
        alt(e.get(), Qt::Key_R); // From: the airport code
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(e.get(), u"fromCode"_s));
        QTest::keyClicks(QApplication::focusWidget(), u"lhr"_s);
        QCOMPARE(child<QLineEdit>(e.get(), u"fromZone"_s)->text(), u"Europe/London"_s);
        QCOMPARE(child<QLineEdit>(e.get(), u"fromName"_s)->text(), u"London"_s);
        alt(e.get(), Qt::Key_T);
        QTest::keyClicks(QApplication::focusWidget(), u"JFK"_s);
        QCOMPARE(child<QLineEdit>(e.get(), u"toZone"_s)->text(), u"America/New_York"_s);
        alt(e.get(), Qt::Key_P);
        QTest::keyClicks(QApplication::focusWidget(), u"2026-06-03"_s);
        type(child<QLineEdit>(e.get(), u"fromTime"_s), u"10:00"_s);
        alt(e.get(), Qt::Key_A);
        QTest::keyClicks(QApplication::focusWidget(), u"2026-06-03"_s);
        // Landing before take-off on the clocks is wrong...
        type(child<QLineEdit>(e.get(), u"toTime"_s), u"04:30"_s);
        auto* errors = child<QLabel>(e.get(), u"legErrors"_s);
        QVERIFY2(errors->text().contains(u"To time: must be after the departure"_s),
                 qPrintable(errors->text()));
        // ... 13:05 in New York is 8 h 05 after 10:00 in London (BST → EDT).
        type(child<QLineEdit>(e.get(), u"toTime"_s), u"13:05"_s);
        QCOMPARE(child<QLabel>(e.get(), u"legDuration"_s)->text(), u"8 h 05 min"_s);
        type(child<QLineEdit>(e.get(), u"legCarrier"_s), u"BA"_s);
        type(child<QLineEdit>(e.get(), u"legNumber"_s), u"117"_s);
        type(child<QLineEdit>(e.get(), u"legCost"_s), u"410.00"_s);
        QCOMPARE(child<QLineEdit>(e.get(), u"legCurrency"_s)->text(), u"EUR"_s); // the home currency
        QVERIFY2(errors->text().isEmpty(), qPrintable(errors->text()));
        alt(e.get(), Qt::Key_G);
        QCOMPARE(out.plans.size(), 1);
        QCOMPARE(out.descriptions.first(), u"Add leg London → New York"_s);
        const plan::Leg& l = out.plans.first().legs.last();
        QCOMPARE(l.from.place.code, u"LHR"_s);
        QCOMPARE(l.to.place.zone, u"America/New_York"_s);
        QVERIFY(l.to.place.hasCoordinates());
        QCOMPARE(l.from.time, QTime(10, 0));
        QCOMPARE(l.to.time, QTime(13, 5));
        QCOMPARE(l.cost->amount, test::plansample::amount("410.00"));
        QCOMPARE(out.plans.first().legs.first().raw, test::plansample::plan().legs.first().raw);

        e->setPlan(out.plans.first());
        auto* table = child<QTableWidget>(e.get(), u"legTable"_s);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 5)->text(), u"8 h 05 min"_s);
        QCOMPARE(table->item(0, 5)->text(), u"3 h 25 min"_s); // 07:15 London → 11:40 Rome
    }

    void scheduleIdeaByKeyboard() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"activities"_s);
        auto* ideas = child<ui::ItemDragList>(e.get(), u"activityIdeas"_s);
        auto* days = child<ui::DayDropList>(e.get(), u"activityDays"_s);
        QCOMPARE(ideas->count(), 2);
        QCOMPARE(days->count(), 6);
        ideas->setFocus();
        QTest::keyClick(ideas, Qt::Key_Home);
        QCOMPARE(ideas->currentItem()->data(Qt::UserRole).toString(), u"act-temples"_s);
        QCOMPARE(child<QLineEdit>(e.get(), u"activityTitle"_s)->text(), u"Valley of the Temples"_s);
        days->setFocus();
        QTest::keyClick(days, Qt::Key_Down);
        QTest::keyClick(days, Qt::Key_Down);
        QCOMPARE(days->currentDay(), QDate(2026, 6, 5));
        alt(e.get(), Qt::Key_Y); // Schedule on day
        QCOMPARE(out.plans.size(), 1);
        QVERIFY2(out.descriptions.first().startsWith(u"Schedule Valley of the Temples on"_s),
                 qPrintable(out.descriptions.first()));
        const plan::Activity* a = out.plans.first().activity(u"act-temples"_s);
        QVERIFY(a);
        QCOMPARE(a->date, QDate(2026, 6, 5));
        QCOMPARE(a->raw, test::plansample::plan().activities[1].raw);
        QVERIFY(!out.plans.first().activity(u"act-cannoli"_s)->isScheduled());

        e->setPlan(out.plans.first());
        QCOMPARE(ideas->count(), 1);
        QCOMPARE(child<QTableWidget>(e.get(), u"activityTable"_s)->rowCount(), 2);
    }

    void scheduleIdeaByDrop() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"activities"_s);
        auto* days = child<ui::DayDropList>(e.get(), u"activityDays"_s);
        QMimeData data;
        data.setData(ui::ItemDragList::mimeType(), "act-cannoli");
        const QPoint at = days->visualItemRect(days->item(4)).center();
        QDragEnterEvent enter(at, Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(days->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(days->viewport(), &drop);
        QCOMPARE(out.plans.size(), 1);
        QCOMPARE(out.plans.first().activity(u"act-cannoli"_s)->date, QDate(2026, 6, 7));
    }

    void activityTimesChecked() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"activities"_s);
        alt(e.get(), Qt::Key_W);
        alt(e.get(), Qt::Key_T);
        QTest::keyClicks(QApplication::focusWidget(), u"Opera dei Pupi"_s);
        type(child<QLineEdit>(e.get(), u"activityStart"_s), u"21:00"_s);
        auto* errors = child<QLabel>(e.get(), u"activityErrors"_s);
        QVERIFY2(errors->text().contains(u"Date: is required when a start or end time is given"_s),
                 qPrintable(errors->text()));
        type(child<QLineEdit>(e.get(), u"activityDate"_s), u"2026-06-07"_s);
        type(child<QLineEdit>(e.get(), u"activityEnd"_s), u"20:00"_s);
        QVERIFY2(errors->text().contains(u"End: must be after the start time"_s), qPrintable(errors->text()));
        type(child<QLineEdit>(e.get(), u"activityEnd"_s), u"22:30"_s);
        QVERIFY(errors->text().isEmpty());
        alt(e.get(), Qt::Key_I);
        QCOMPARE(out.plans.size(), 1);
        const plan::Activity& a = out.plans.first().activities.last();
        QCOMPARE(a.title, u"Opera dei Pupi"_s);
        QCOMPARE(a.start, QTime(21, 0));
        QCOMPARE(a.end, QTime(22, 30));
    }

    void itineraryFlagsProblems() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"itinerary"_s);
        auto* tree = child<QTreeWidget>(e.get(), u"itineraryTree"_s);
        QCOMPARE(tree->topLevelItemCount(), 6);
        const QTreeWidgetItem* first = tree->topLevelItem(0);
        QVERIFY2(first->text(0).contains(u"Hotel Etna"_s), qPrintable(first->text(0)));
        QStringList lines;
        for (int i = 0; i < first->childCount(); ++i)
            lines << first->child(i)->text(0);
        // In time order: the flight, then the check-in.
        QVERIFY2(lines.value(0).startsWith(u"07:15–11:40  Travel: London → Catania"_s),
                 qPrintable(lines.join(u'|')));
        QVERIFY2(lines.value(1).contains(u"Check-in: Hotel Etna"_s), qPrintable(lines.join(u'|')));
        // 7 June has nothing: flagged on that day.
        const QTreeWidgetItem* empty = tree->topLevelItem(4);
        bool flagged = false;
        for (int i = 0; i < empty->childCount(); ++i)
            flagged = flagged || empty->child(i)->data(0, Qt::UserRole + 2).toString() == u"empty";
        QVERIFY(flagged);
        // Enter on an entry shows its item in its editor.
        tree->setFocus();
        tree->setCurrentItem(first->child(0));
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(e->tabs()->currentWidget(), e->legs());
        QCOMPARE(child<QLineEdit>(e.get(), u"fromCode"_s)->text(), u"LHR"_s);
    }

    void budgetOverAsItemsChange() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"budget"_s);
        auto* status = child<QLabel>(e.get(), u"budgetStatus"_s);
        // 3 × 95.00 + 180.00 USD × 0.92 + 70.00 + 80.00 × 2 travellers × 6 days = 1480.60 EUR.
        QCOMPARE(e->budget()->report().total().toString(), u"1480.60"_s);
        QCOMPARE(status->text(), u"Within budget: 519.40 EUR left"_s);
        QVERIFY(!ui::isErrorText(status));
        auto* totals = child<QTableWidget>(e.get(), u"budgetTotals"_s);
        QCOMPARE(totals->item(1, 1)->text(), u"165.60 EUR"_s); // transport, converted exactly

        alt(e.get(), Qt::Key_B);
        QTest::keyClicks(QApplication::focusWidget(), u"Villa upgrade"_s);
        alt(e.get(), Qt::Key_O);
        QTest::keyClicks(QApplication::focusWidget(), u"600.001"_s);
        auto* costErrors = child<QLabel>(e.get(), u"costErrors"_s);
        QVERIFY2(costErrors->text().startsWith(u"Amount: "_s), qPrintable(costErrors->text()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        QVERIFY(costErrors->text().isEmpty());
        alt(e.get(), Qt::Key_C);
        QCOMPARE(out.plans.size(), 1);
        QCOMPARE(out.descriptions.first(), u"Add cost Villa upgrade"_s);
        const plan::Plan& p = out.plans.first();
        QCOMPARE(p.budget.other.size(), 1);
        QCOMPARE(p.budget.other.first().amount.amount, test::plansample::amount("600.00"));
        QCOMPARE(p.budget.other.first().amount.currency, u"EUR"_s);
        QVERIFY(p.budget.other.first().id.startsWith(u"cost-"_s));

        e->setPlan(p);
        QCOMPARE(status->text(), u"Over budget by 80.60 EUR"_s);
        QVERIFY(ui::isErrorText(status));
        // The Remaining row is red over budget and plain again under it (its items are reused).
        const int remaining = totals->rowCount() - 1;
        QVERIFY(totals->item(remaining, 1)->data(Qt::ForegroundRole).isValid());
        e->setPlan(test::plansample::plan());
        QCOMPARE(totals->item(remaining, 1)->text(), u"519.40 EUR"_s);
        QVERIFY(!totals->item(remaining, 1)->data(Qt::ForegroundRole).isValid());
        e->setPlan(p);

        // A rate for a currency without one: typed, checked, added.
        alt(e.get(), Qt::Key_Y);
        QTest::keyClicks(QApplication::focusWidget(), u"gbp"_s);
        alt(e.get(), Qt::Key_R);
        QTest::keyClicks(QApplication::focusWidget(), u"1.1712345"_s);
        QVERIFY(!child<QPushButton>(e.get(), u"rateAdd"_s)->isEnabled()); // 7 decimals
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        alt(e.get(), Qt::Key_D);
        QTest::keyClicks(QApplication::focusWidget(), u"2026-05-20"_s);
        QVERIFY(child<QPushButton>(e.get(), u"rateAdd"_s)->isEnabled());
        alt(e.get(), Qt::Key_A);
        QCOMPARE(out.plans.size(), 2);
        const plan::ExchangeRate& r = out.plans.last().budget.rates.last();
        QCOMPARE(r.currency, u"GBP"_s);
        QCOMPARE(r.rate, test::plansample::amount("1.171234", 6));
        QCOMPARE(r.date, QDate(2026, 5, 20));
    }

    // The Delete key on the chosen activity removes it (its button has no Alt+letter left).
    void activityDeleteKey() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"activities"_s);
        auto* table = child<QTableWidget>(e.get(), u"activityTable"_s);
        QVERIFY(table->rowCount() > 0);
        const qsizetype before = test::plansample::plan().activities.size();
        table->setFocus();
        table->selectRow(0);
        QTRY_VERIFY(child<QPushButton>(e.get(), u"activityDelete"_s)->isEnabled());
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(out.plans.size(), 1);
        QCOMPARE(out.plans.last().activities.size(), before - 1);
        QVERIFY2(out.descriptions.last().startsWith(u"Remove activity "_s),
                 qPrintable(out.descriptions.last()));
    }

    void reviewChecklistAndExports() {
        Emitted out;
        auto e = makeEditor(out);
        QSignalSpy calendar(e.get(), &PlanEditor::exportCalendarRequested);
        QSignalSpy pdf(e.get(), &PlanEditor::exportPdfRequested);
        QSignalSpy complete(e.get(), &PlanEditor::completeRequested);
        QSignalSpy import(e.get(), &PlanEditor::importRequested);
        e->showStage(u"finalization"_s);
        QCOMPARE(e->tabs()->currentWidget(), e->review());
        auto* list = child<QListWidget>(e.get(), u"reviewChecklist"_s);
        QMap<QString, int> kinds;
        for (int i = 0; i < list->count(); ++i)
            ++kinds[list->item(i)->data(Qt::UserRole + 1).toString()];
        QCOMPARE(kinds.value(u"night_without_stay"_s), 2);
        QCOMPARE(kinds.value(u"unbooked"_s), 1); // the flight
        QCOMPARE(kinds.value(u"over_budget"_s), 0);
        QVERIFY(child<QLabel>(e.get(), u"reviewSummary"_s)->text().startsWith(u"3 things"_s));

        alt(e.get(), Qt::Key_C);
        alt(e.get(), Qt::Key_D);
        alt(e.get(), Qt::Key_I);
        alt(e.get(), Qt::Key_O);
        QCOMPARE(calendar.size(), 1);
        QCOMPARE(pdf.size(), 1);
        QCOMPARE(import.size(), 1);
        QCOMPARE(complete.size(), 1);

        // Fixing what it says empties the list.
        plan::Plan fixed = test::plansample::plan();
        fixed.legs.first().status = u"booked"_s;
        fixed.stays.first().checkOut = QDate(2026, 6, 8);
        fixed.activities.first().status = u"booked"_s;
        e->setPlan(fixed);
        QCOMPARE(list->count(), 0);
        QCOMPARE(child<QLabel>(e.get(), u"reviewSummary"_s)->text(),
                 u"Nothing is missing: everything is booked."_s);

        // Enter on an entry jumps to its item.
        e->setPlan(test::plansample::plan());
        list->setFocus();
        int legRow = -1;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == u"leg-fly1")
                legRow = i;
        QVERIFY(legRow >= 0);
        list->setCurrentRow(legRow);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(e->tabs()->currentWidget(), e->legs());
    }

    void busyAndErrors() {
        Emitted out;
        auto e = makeEditor(out);
        e->showStage(u"accommodation"_s);
        type(child<QLineEdit>(e.get(), u"stayName"_s), u"Somewhere"_s);
        type(child<QLineEdit>(e.get(), u"stayCheckOut"_s), u"2026-06-08"_s);
        auto* save = child<QPushButton>(e.get(), u"staySave"_s);
        QVERIFY(save->isEnabled());
        e->setBusy(true);
        QVERIFY(!save->isEnabled());
        // "Saving…" only once the save has taken a moment (a quick one never moves the tabs).
        QVERIFY(!child<QLabel>(e.get(), u"planBusy"_s)->isVisible());
        QTRY_VERIFY(child<QLabel>(e.get(), u"planBusy"_s)->isVisible());
        alt(e.get(), Qt::Key_S);
        QVERIFY(out.plans.isEmpty());
        e->setBusy(false);
        QVERIFY(save->isEnabled());
        QVERIFY(!child<QLabel>(e.get(), u"planBusy"_s)->isVisible());
        // A conflict while saving: shown, and the typed form survives a reload of the plan.
        e->showError(u"Someone else changed the plan; it was reloaded."_s);
        auto* error = child<QLabel>(e.get(), u"planError"_s);
        QVERIFY(error->isVisible());
        e->setPlan(test::plansample::plan());
        QCOMPARE(child<QLineEdit>(e.get(), u"stayName"_s)->text(), u"Somewhere"_s);
        alt(e.get(), Qt::Key_S);
        QCOMPARE(out.plans.size(), 1);
        QVERIFY(!error->isVisible()); // a new attempt clears it
    }

    // Each tab's mnemonics are unique, so Alt+letter always reaches one thing.
    void mnemonicsUnique() {
        Emitted out;
        auto e = makeEditor(out);
        for (int t = 0; t < e->tabs()->count(); ++t) {
            QWidget* page = e->tabs()->widget(t);
            QMap<QChar, QString> seen;
            auto check = [&](const QString& text) {
                const qsizetype amp = text.indexOf(u'&');
                if (amp < 0 || amp + 1 >= text.size() || text[amp + 1] == u'&')
                    return;
                const QChar key = text[amp + 1].toLower();
                QVERIFY2(!seen.contains(key),
                         qPrintable(u"%1: %2 and %3"_s.arg(e->tabs()->tabText(t), seen[key], text)));
                seen.insert(key, text);
            };
            for (QLabel* l : page->findChildren<QLabel*>())
                if (l->buddy())
                    check(l->text());
            for (QAbstractButton* b : page->findChildren<QAbstractButton*>())
                check(b->text());
        }
    }
};

QTEST_MAIN(TestPlanEditor)
#include "tst_plan_editor.moc"
