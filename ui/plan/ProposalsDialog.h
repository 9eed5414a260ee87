// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "suggest/Proposal.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace tp::ui {

// The planner's proposals for one stage, as a list of cards to tick: the
// acceptable ones ticked, the flagged ones shown with what is wrong and not
// tickable. Accept selected / Accept all / Discard; the caller adds what was
// chosen to the plan as one change.
class ProposalsDialog : public QDialog {
    Q_OBJECT
public:
    ProposalsDialog(const suggest::ProposalSet& set, const QString& tripTitle, QWidget* parent = nullptr);

    // Indexes into the set's proposals of the ticked cards, in the set's order.
    QList<qsizetype> chosen() const;
    // Edit first: the card to open in its stage's form instead (the dialog
    // closes with Edited); -1 when none.
    static constexpr int Edited = 2;
    qsizetype editedIndex() const { return m_edited; }
    static bool editable(const suggest::Proposal& p);
    const suggest::ProposalSet& proposals() const { return m_set; }

    QListWidget* list() const { return m_list; }
    QPushButton* acceptSelectedButton() const { return m_acceptSelected; }
    QPushButton* acceptAllButton() const { return m_acceptAll; }
    QPushButton* editButton() const { return m_edit; }

    static QString heading(suggest::Stage stage);

private:
    void updateButtons();

    suggest::ProposalSet m_set;
    QListWidget* m_list;
    QPushButton* m_acceptSelected;
    QPushButton* m_acceptAll;
    QPushButton* m_edit;
    qsizetype m_edited = -1;
};

} // namespace tp::ui
