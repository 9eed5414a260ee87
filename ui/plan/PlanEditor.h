// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "draw/PlanContext.h"
#include "plan/PlanTypes.h"
#include "suggest/Proposal.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTimer;

namespace tp::geo {
class GeocodingService;
}

namespace tp::ui {

class ActivitiesEditor;
class BudgetEditor;
class ItineraryView;
class LegsEditor;
class PlanSection;
class ReviewView;
class StaysEditor;

// The plan's editors, one tab per stage: Stays, Transport, Activities,
// Itinerary, Budget, Review. A pure view on values: it shows the plan it is
// given and asks for each change as a whole new plan (changeRequested, one
// undoable step with its description); whoever owns the plan saves it, and
// calls setPlan with what was saved. It never touches the database.
class PlanEditor : public QWidget {
    Q_OBJECT
public:
    explicit PlanEditor(QWidget* parent = nullptr);

    void setContext(const PlanContext& context);
    // The saved plan; replaces what is shown, keeps the selection and any form
    // not yet saved.
    void setPlan(const plan::Plan& plan);
    const plan::Plan& plan() const { return m_plan; }
    const PlanContext& context() const { return m_context; }

    // The seed's planning stage ("accommodation", "flights", "activities",
    // "itinerary", "finalization"; also "final_review", "budget") selects its tab.
    void showStage(const QString& stage);
    // Shows the item with this id in its editor; false when the plan has none.
    bool showItem(const QString& itemId);
    // While a save is in flight nothing asks for another change. "Saving…"
    // shows once the save has taken BusyNoticeMs.
    void setBusy(bool saving);
    static constexpr int BusyNoticeMs = 300;
    bool isBusy() const { return m_busy; }
    // The section whose form holds changes not saved into the plan yet, or null.
    PlanSection* unsavedSection() const;
    // Asks about that form (its tab shown): Save, Discard or Cancel. True when
    // no form is left unsaved: nothing was, it was discarded, or it was saved
    // (its change requested; the write may still be on its way).
    bool settleForms();
    // A failed save or a conflict, above the editors; an empty text hides it.
    void showError(const QString& message);
    // Online place search for the stays' and activities' Find place; null turns it off.
    void setGeocoder(geo::GeocodingService* geocoder);

    // The planner's help for the stage in view ("Suggest stays…", "Draft the
    // itinerary…"): a button at the tab bar's end, on the tabs it can help with.
    QPushButton* suggestButton() const { return m_suggest; }
    static std::optional<suggest::Stage> suggestStageOfTab(int index);
    // A new stay or activity proposed by the planner, in its stage's form to
    // edit before it is saved; false for a proposal that is not a new item, or
    // when the form holds changes the user chose to keep.
    bool editProposal(const suggest::Proposal& proposal);
    // While proposals are being worked out the button stops them
    // (suggestCancelRequested).
    void setSuggesting(bool suggesting);
    bool isSuggesting() const { return m_suggesting; }
    // Shows the button, or not, with the words for the tab in view (called on
    // every tab change; call it after moving the button into another layout).
    void updateSuggestButton();

    QTabWidget* tabs() const { return m_tabs; }
    StaysEditor* stays() const { return m_stays; }
    LegsEditor* legs() const { return m_legs; }
    ActivitiesEditor* activities() const { return m_activities; }
    ItineraryView* itinerary() const { return m_itinerary; }
    BudgetEditor* budget() const { return m_budget; }
    ReviewView* review() const { return m_review; }

Q_SIGNALS:
    void changeRequested(const tp::plan::Plan& newPlan, const QString& description);
    void exportCalendarRequested();
    void exportPdfRequested();
    void importRequested();
    void completeRequested();
    void suggestRequested(tp::suggest::Stage stage);
    void suggestCancelRequested();

private:
    void refresh();
    void tabShown(int index);

    plan::Plan m_plan;
    PlanContext m_context;
    bool m_busy = false;

    QLabel* m_error;
    QLabel* m_busyLabel;
    QTimer* m_busyNotice;
    QTabWidget* m_tabs;
    QPushButton* m_suggest;
    bool m_suggesting = false;
    StaysEditor* m_stays;
    LegsEditor* m_legs;
    ActivitiesEditor* m_activities;
    ItineraryView* m_itinerary;
    BudgetEditor* m_budget;
    ReviewView* m_review;
    QList<PlanSection*> m_sections;
    QSet<PlanSection*> m_stale; // sections not shown since the plan or context changed
};

} // namespace tp::ui
