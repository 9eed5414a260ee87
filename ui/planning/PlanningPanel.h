// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "main/BackgroundRunner.h"
#include "suggest/Proposal.h"

#include <QPointer>
#include <QWidget>

class QDialog;
class QLabel;
class QListView;
class QPushButton;

namespace tp {
class PlanningStagesModel;
}
namespace tp::app {
class TripSession;
}
namespace tp::geo {
class GeocodingService;
}

namespace tp::ui {

class PlanEditor;

// The trip's planning session: the seven stages (completed, current, pending)
// as a strip across the top, Start / Advance / Back, and the plan's editors
// (PlanEditor) below with the tab's whole width.
class PlanningPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlanningPanel(QWidget* parent = nullptr);

    // The open trip's session: its planning session shown, the buttons its intents.
    void setSession(app::TripSession* session);
    void clear();
    // Online place search for the plan's forms; null turns it off.
    void setGeocoder(geo::GeocodingService* geocoder);
    PlanningStagesModel* stages() const { return m_stages; }
    PlanEditor* editor() const { return m_editor; }
    // Writes the open plan's printable itinerary to `path` on a thread of its
    // own (the window stays responsive); the note says when it is done.
    void exportPdfTo(const QString& path);

    // Asks the planner for proposals for a stage of the open trip's plan
    // (PlanEditor's Suggest button) and shows them in a ProposalsDialog; what
    // the user accepts is saved as one undoable change of the plan.
    void askPlanner(suggest::Stage stage);

Q_SIGNALS:
    // The planner's proposals are shown (tests drive the dialog from here).
    void proposalsShown(QDialog* dialog);
    // The user accepted the planner's budget for the trip: the trip's own
    // field, which the window saves (its own undo step).
    void tripBudgetAccepted(tp::Id tripId, const tp::Decimal& budget);
    // A PDF export ended: what the note says (written, or why not: `problem`).
    void pdfExportFinished(const QString& note, bool problem);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitStages();
    void showSession(const std::optional<PlanningSession>& session);
    void acceptProposals(const suggest::ProposalSet& set, const QList<qsizetype>& chosen,
                         const QByteArray& basis);
    void run(void (app::TripSession::*intent)());
    // The line under the stages: what an export wrote (ordinary text) or
    // what went wrong (`problem`, in the error colour). Empty text: unchanged.
    void showNote(const QString& text, bool problem = false);

    QPointer<app::TripSession> m_session;
    Id m_tripId = 0;
    PlanningStagesModel* m_stages;
    QLabel* m_summary;
    QListView* m_view;
    PlanEditor* m_editor;
    QPushButton* m_start;
    QPushButton* m_advance;
    QPushButton* m_back;
    QLabel* m_error;
    // Last member: destroyed first, so a PDF still being written is waited
    // for while the widgets it reports to still exist.
    BackgroundRunner m_files{this};
};

} // namespace tp::ui
