// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProposalsDialog.h"

#include "style/ErrorText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {

QString day(const QDate& d) {
    return QLocale().toString(d, u"ddd d MMM yyyy"_s);
}

// A card's first line, with dates as the rest of the window writes them
// (the core's summary, with ISO dates, is the command line's).
QString cardTitle(const suggest::Proposal& p) {
    using K = suggest::Proposal::Kind;
    switch (p.kind) {
    case K::Stay:
        if (!p.stay.checkIn.isValid() || !p.stay.checkOut.isValid())
            break;
        return ProposalsDialog::tr("%1: %2 to %3 (%n night(s))", nullptr, p.stay.nights())
            .arg(p.stay.name, day(p.stay.checkIn), day(p.stay.checkOut));
    case K::Activity:
    case K::ScheduleActivity:
        if (!p.activity.isScheduled())
            return ProposalsDialog::tr("Idea: %1").arg(p.activity.title);
        if (!p.activity.start.isValid())
            return ProposalsDialog::tr("%1: %2").arg(day(p.activity.date), p.activity.title);
        if (!p.activity.end.isValid())
            return ProposalsDialog::tr("%1, %2: %3")
                .arg(day(p.activity.date), p.activity.start.toString(u"HH:mm"_s), p.activity.title);
        return ProposalsDialog::tr("%1, %2–%3: %4")
            .arg(day(p.activity.date), p.activity.start.toString(u"HH:mm"_s),
                 p.activity.end.toString(u"HH:mm"_s), p.activity.title);
    case K::Cost:
    case K::HomeCurrency:
    case K::TripBudget:
        break;
    }
    return p.summary;
}

} // namespace

QString ProposalsDialog::heading(suggest::Stage stage) {
    switch (stage) {
    case suggest::Stage::Accommodation:
        return tr("Suggested stays");
    case suggest::Stage::Activities:
        return tr("Suggested activities");
    case suggest::Stage::Itinerary:
        return tr("A draft itinerary");
    case suggest::Stage::Budget:
        return tr("A budget estimate");
    }
    return {};
}

ProposalsDialog::ProposalsDialog(const suggest::ProposalSet& set, const QString& tripTitle, QWidget* parent)
    : QDialog(parent)
    , m_set(set) {
    setObjectName(u"proposalsDialog"_s);
    setWindowTitle(heading(set.stage));
    auto* title = new QLabel(tr("%1 for “%2”").arg(heading(set.stage), tripTitle), this);
    title->setTextFormat(Qt::PlainText);
    title->setObjectName(u"proposalsHeading"_s);
    title->setWordWrap(true);
    QFont big = title->font();
    big.setBold(true);
    title->setFont(big);

    auto* note = new QLabel(set.note, this);
    note->setObjectName(u"proposalsNote"_s);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    note->setVisible(!set.note.isEmpty());

    m_list = new QListWidget(this);
    m_list->setObjectName(u"proposals"_s);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSpacing(3);
    m_list->setAlternatingRowColors(true);
    const QColor problemColour = errorTextColour(palette().color(QPalette::Base));
    for (const suggest::Proposal& p : set.proposals) {
        QStringList lines{cardTitle(p)};
        if (!p.reason.isEmpty())
            lines << p.reason;
        if (p.toVerify)
            lines << tr("A suggestion to verify: check that it exists and is open before you book.");
        for (const FieldError& e : p.problems)
            lines << tr("Cannot be accepted: %1 %2").arg(e.field, e.message);
        auto* item = new QListWidgetItem(lines.join(u'\n'), m_list);
        if (p.acceptable()) {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Checked);
        } else {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setForeground(problemColour);
        }
    }
    m_list->setVisible(!set.proposals.isEmpty());

    auto* buttons = new QDialogButtonBox(this);
    m_acceptSelected = buttons->addButton(tr("&Accept selected"), QDialogButtonBox::AcceptRole);
    m_acceptSelected->setObjectName(u"acceptSelected"_s);
    // Not an accept role: its cards are ticked first, then the dialog accepted.
    m_acceptAll = buttons->addButton(tr("Accept a&ll"), QDialogButtonBox::ActionRole);
    m_acceptAll->setObjectName(u"acceptAll"_s);
    // Edit first: the current card in its stage's form, where Save adds it.
    m_edit = buttons->addButton(tr("&Edit first…"), QDialogButtonBox::ActionRole);
    m_edit->setObjectName(u"editFirst"_s);
    m_edit->setToolTip(tr("Open this stay or activity in its stage's form to change it before it is added"));
    connect(m_edit, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0 || !editable(m_set.proposals.value(row)))
            return;
        m_edited = row;
        done(Edited);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ProposalsDialog::updateButtons);
    QPushButton* discard = buttons->addButton(set.proposals.isEmpty() ? tr("Close") : tr("&Discard"),
                                              QDialogButtonBox::RejectRole);
    discard->setObjectName(u"discard"_s);
    connect(m_acceptAll, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->flags() & Qt::ItemIsUserCheckable)
                m_list->item(i)->setCheckState(Qt::Checked);
        accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &ProposalsDialog::updateButtons);
    // Space ticks the current card, as in any list of check boxes; Enter accepts.
    m_acceptSelected->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(note);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(640, 480);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

bool ProposalsDialog::editable(const suggest::Proposal& p) {
    // A new item can be edited in a form; a scheduled idea, a cost or the budget are changed where they are.
    return p.kind == suggest::Proposal::Kind::Stay || p.kind == suggest::Proposal::Kind::Activity;
}

QList<qsizetype> ProposalsDialog::chosen() const {
    QList<qsizetype> out;
    for (int i = 0; i < m_list->count(); ++i)
        if ((m_list->item(i)->flags() & Qt::ItemIsUserCheckable) &&
            m_list->item(i)->checkState() == Qt::Checked)
            out << i;
    return out;
}

void ProposalsDialog::updateButtons() {
    bool anyAcceptable = false;
    for (const suggest::Proposal& p : m_set.proposals)
        anyAcceptable = anyAcceptable || p.acceptable();
    m_acceptSelected->setEnabled(!chosen().isEmpty());
    m_acceptSelected->setVisible(anyAcceptable);
    m_acceptAll->setVisible(anyAcceptable);
    const int row = m_list->currentRow();
    m_edit->setVisible(!m_set.proposals.isEmpty());
    // A flagged card can be edited too: the form shows what to fix.
    m_edit->setEnabled(row >= 0 && editable(m_set.proposals.value(row)));
}

} // namespace tp::ui
