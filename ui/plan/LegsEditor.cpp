// SPDX-License-Identifier: GPL-3.0-or-later
#include "LegsEditor.h"

#include "FieldErrorLabel.h"
#include "FormInput.h"
#include "LegEndFields.h"
#include "plan/LegTiming.h"
#include "plan/PlanValidation.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
enum Column { Mode, From, Departs, To, Arrives, Duration, Status, ColumnCount };

QString endText(const plan::LegEnd& e) {
    return QStringList{planform::dateText(e.date), planform::timeText(e.time)}.join(u' ').trimmed();
}
QString modeLabel(const QString& mode) {
    static const QHash<QString, const char*> labels{{u"flight"_s, QT_TRANSLATE_NOOP("LegsEditor", "Flight")},
                                                    {u"train"_s, QT_TRANSLATE_NOOP("LegsEditor", "Train")},
                                                    {u"bus"_s, QT_TRANSLATE_NOOP("LegsEditor", "Bus")},
                                                    {u"ferry"_s, QT_TRANSLATE_NOOP("LegsEditor", "Ferry")},
                                                    {u"car"_s, QT_TRANSLATE_NOOP("LegsEditor", "Car")},
                                                    {u"other"_s, QT_TRANSLATE_NOOP("LegsEditor", "Other")}};
    const char* l = labels.value(mode);
    return l ? QCoreApplication::translate("LegsEditor", l) : mode;
}
} // namespace

LegsEditor::LegsEditor(QWidget* parent)
    : PlanSection(parent) {
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"legTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Mode"), tr("From"), tr("Departs"), tr("To"), tr("Arrives"), tr("Duration"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows only: a long plan stays quick to show.
    m_table->horizontalHeader()->setResizeContentsPrecision(40);
    m_table->setAccessibleName(tr("Legs"));

    m_mode = new QComboBox(this);
    m_mode->setObjectName(u"legMode"_s);
    for (const char16_t* m : plan::legModes)
        m_mode->addItem(modeLabel(QString::fromUtf16(m)), QString::fromUtf16(m));
    m_from = new LegEndFields(u"from"_s, this);
    m_to = new LegEndFields(u"to"_s, this);
    m_duration = new QLabel(this);
    m_duration->setObjectName(u"legDuration"_s);
    m_carrier = new QLineEdit(this);
    m_carrier->setObjectName(u"legCarrier"_s);
    m_number = new QLineEdit(this);
    m_number->setObjectName(u"legNumber"_s);
    m_bookingRef = new QLineEdit(this);
    m_bookingRef->setObjectName(u"legBookingRef"_s);
    m_cost = new QLineEdit(this);
    m_cost->setObjectName(u"legCost"_s);
    m_cost->setPlaceholderText(u"0.00"_s);
    m_currency = new QLineEdit(this);
    planform::keepCurrencyReadable(m_currency);
    m_currency->setObjectName(u"legCurrency"_s);
    m_currency->setPlaceholderText(u"EUR"_s);
    m_currency->setMaxLength(3);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"legStatus"_s);
    m_status->addItem(tr("Idea"), QString::fromUtf16(plan::item_status::Idea));
    m_status->addItem(tr("Booked"), QString::fromUtf16(plan::item_status::Booked));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"legNotes"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(60);

    auto* form = new QFormLayout;
    auto row = [&](const QString& text, QWidget* buddy, QLayout* layout = nullptr) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        if (layout)
            form->addRow(label, layout);
        else
            form->addRow(label, buddy);
    };
    row(tr("&Mode"), m_mode);
    row(tr("F&rom"), m_from->code, m_from->placeRow);
    form->addRow(QString(), m_from->info);
    row(tr("De&parts"), m_from->date, m_from->timeRow);
    row(tr("&To"), m_to->code, m_to->placeRow);
    form->addRow(QString(), m_to->info);
    row(tr("&Arrives"), m_to->date, m_to->timeRow);
    form->addRow(tr("Duration"), m_duration);
    auto* carrierRow = new QHBoxLayout;
    carrierRow->addWidget(m_carrier, 2);
    auto* numberLabel = new QLabel(tr("&Number"), this);
    numberLabel->setBuddy(m_number);
    carrierRow->addWidget(numberLabel);
    carrierRow->addWidget(m_number, 1);
    row(tr("&Carrier"), m_carrier, carrierRow);
    row(tr("&Booking ref"), m_bookingRef);
    auto* costRow = new QHBoxLayout;
    costRow->addWidget(m_cost, 2);
    auto* currencyLabel = new QLabel(tr("Currenc&y"), this);
    currencyLabel->setBuddy(m_currency);
    costRow->addWidget(currencyLabel);
    costRow->addWidget(m_currency, 1);
    row(tr("C&ost"), m_cost, costRow);
    row(tr("Stat&us"), m_status);
    row(tr("Note&s"), m_notes);

    m_errors = new FieldErrorLabel(this);
    m_errors->setObjectName(u"legErrors"_s);
    m_errors->addField(u"mode"_s, tr("Mode"), m_mode);
    for (auto [key, label, end] :
         {std::tuple{u"from"_s, tr("From"), m_from}, std::tuple{u"to"_s, tr("To"), m_to}}) {
        m_errors->addField(key, label, end->name);
        m_errors->addField(key + u".zone"_s, tr("%1 time zone").arg(label), end->zone);
        m_errors->addField(key + u".date"_s, tr("%1 date").arg(label), end->date);
        m_errors->addField(key + u".time"_s, tr("%1 time").arg(label), end->time);
        m_errors->addField(key + u".code"_s, tr("%1 code").arg(label), end->code);
    }
    m_errors->addField(u"carrier"_s, tr("Carrier"), m_carrier);
    m_errors->addField(u"number"_s, tr("Number"), m_number);
    m_errors->addField(u"booking_ref"_s, tr("Booking ref"), m_bookingRef);
    m_errors->addField(u"cost"_s, tr("Cost"), m_cost);
    m_errors->addField(u"cost.currency"_s, tr("Currency"), m_currency);
    m_errors->addField(u"status"_s, tr("Status"), m_status);
    m_errors->addField(u"notes"_s, tr("Notes"), m_notes);
    m_errors->addField(u"id"_s, tr("Id"));

    m_new = new QPushButton(tr("Ne&w leg"), this);
    m_new->setObjectName(u"legNew"_s);
    m_save = new QPushButton(tr("Save le&g"), this);
    m_save->setObjectName(u"legSave"_s);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(u"legDelete"_s);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);

    auto* formBox = new QVBoxLayout;
    formBox->addLayout(form);
    formBox->addWidget(m_errors);
    formBox->addLayout(buttons);
    formBox->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(formBox, 1);

    connect(m_from, &LegEndFields::changed, this, &LegsEditor::edited);
    connect(m_to, &LegEndFields::changed, this, &LegsEditor::edited);
    for (QLineEdit* e : {m_carrier, m_number, m_bookingRef, m_cost, m_currency})
        connect(e, &QLineEdit::textChanged, this, &LegsEditor::edited);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &LegsEditor::edited);
    connect(m_status, &QComboBox::currentIndexChanged, this, &LegsEditor::edited);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &LegsEditor::edited);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (settleForm())
            newLeg();
    });
    connect(m_save, &QPushButton::clicked, this, &LegsEditor::save);
    connect(m_delete, &QPushButton::clicked, this, &LegsEditor::remove);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &LegsEditor::rowChanged);
    newLeg();
}

void LegsEditor::setPlan(const plan::Plan& plan, const PlanContext& context) {
    m_plan = plan;
    m_context = context;
    fillTable();
    if (const plan::Leg* saved = plan.leg(m_base.id)) {
        m_isNew = false;
        if (!m_dirty)
            loadForm(*saved);
    } else if (!m_dirty) { // a new form takes the defaults of this plan and trip
        newLeg();
    }
    validate();
}

void LegsEditor::fillTable() {
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_plan.legs.size()));
    int selected = -1;
    for (int r = 0; r < m_plan.legs.size(); ++r) {
        const plan::Leg& l = m_plan.legs[r];
        const auto seconds = plan::durationSeconds(l);
        const QStringList cells{modeLabel(l.mode),
                                plan::nameWithCode(l.from.place),
                                endText(l.from),
                                plan::nameWithCode(l.to.place),
                                endText(l.to),
                                seconds ? plan::formatDuration(*seconds) : QString(),
                                l.status == QStringView(plan::item_status::Booked) ? tr("Booked")
                                                                                   : tr("Idea")};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, l.id);
            m_table->setItem(r, c, item);
        }
        if (l.id == m_base.id)
            selected = r;
    }
    m_table->clearSelection();
    if (selected >= 0)
        m_table->setCurrentCell(selected, 0);
    m_table->resizeColumnsToContents();
}

void LegsEditor::loadForm(const plan::Leg& l) {
    m_loading = true;
    m_base = l;
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(l.mode)));
    m_from->load(l.from);
    m_to->load(l.to);
    m_carrier->setText(l.carrier);
    m_number->setText(l.number);
    m_bookingRef->setText(l.bookingRef);
    m_cost->setText(planform::amountText(l.cost));
    m_currency->setText(l.cost ? l.cost->currency : m_plan.budget.homeCurrency);
    m_status->setCurrentIndex(qMax(0, m_status->findData(l.status)));
    m_notes->setPlainText(l.notes);
    m_loading = false;
    m_dirty = false;
    validate();
}

void LegsEditor::newLeg() {
    plan::Leg l;
    l.id = plan::newItemId(u"leg"_s);
    m_isNew = true;
    loadForm(l);
    m_table->clearSelection();
}

plan::Leg LegsEditor::formLeg(QList<FieldError>* errors) const {
    QList<FieldError> problems;
    plan::Leg l = m_base;
    l.mode = m_mode->currentData().toString();
    l.from = m_from->read(m_base.from, problems);
    l.to = m_to->read(m_base.to, problems);
    l.carrier = m_carrier->text().trimmed();
    l.number = m_number->text().trimmed();
    l.bookingRef = m_bookingRef->text().trimmed();
    l.cost = planform::readMoney(m_cost, m_currency, u"cost"_s, problems);
    l.status = m_status->currentData().toString();
    l.notes = m_notes->toPlainText();
    if (errors) {
        for (const FieldError& e : plan::checkLeg(l))
            if (std::none_of(problems.cbegin(), problems.cend(),
                             [&](const FieldError& p) { return p.field == e.field; }))
                problems << e;
        *errors = problems;
    }
    return l;
}

void LegsEditor::edited() {
    if (m_loading)
        return;
    m_dirty = true;
    validate();
}

void LegsEditor::validate() {
    QList<FieldError> errors;
    const plan::Leg l = formLeg(&errors);
    const auto seconds = plan::durationSeconds(l);
    if (seconds)
        m_duration->setText(plan::formatDuration(*seconds));
    else
        m_duration->setText(tr("(needs both local times and zones)"));
    m_errors->showErrors(m_isNew && !m_dirty ? QList<FieldError>{} : errors);
    m_save->setEnabled(!m_busy && m_dirty && errors.isEmpty());
    m_delete->setEnabled(!m_busy && !m_isNew);
}

void LegsEditor::save() {
    QList<FieldError> errors;
    const plan::Leg l = formLeg(&errors);
    if (!errors.isEmpty() || m_busy)
        return;
    plan::Plan p = m_plan;
    const QString name = l.from.place.name + u" → "_s + l.to.place.name;
    QString description;
    if (auto it =
            std::find_if(p.legs.begin(), p.legs.end(), [&](const plan::Leg& x) { return x.id == l.id; });
        it != p.legs.end()) {
        *it = l;
        description = tr("Edit leg %1").arg(name);
    } else {
        p.legs << l;
        description = tr("Add leg %1").arg(name);
    }
    m_base = l;
    m_isNew = false;
    m_dirty = false;
    validate();
    Q_EMIT changeRequested(p, description);
}

void LegsEditor::remove() {
    if (m_isNew || m_busy)
        return;
    plan::Plan p = m_plan;
    if (!p.remove(m_base.id))
        return;
    const QString name = m_base.from.place.name + u" → "_s + m_base.to.place.name;
    m_dirty = false;
    newLeg();
    Q_EMIT changeRequested(p, tr("Remove leg %1").arg(name));
}

void LegsEditor::rowChanged() {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString id = m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
    if (id == m_base.id)
        return;
    if (!settleForm()) {
        fillTable(); // the row of the form being edited stays selected
        return;
    }
    if (const plan::Leg* l = m_plan.leg(id)) {
        m_isNew = false;
        loadForm(*l);
    }
}

bool LegsEditor::selectItem(const QString& id) {
    const plan::Leg* l = m_plan.leg(id);
    if (!l)
        return false;
    if (id != m_base.id && !settleForm())
        return true; // the form being edited stays
    m_isNew = false;
    loadForm(*l);
    fillTable();
    return true;
}

QString LegsEditor::unsavedFormName() const {
    const plan::Leg l = formLeg();
    if (l.from.place.name.isEmpty() && l.to.place.name.isEmpty())
        return tr("The new leg");
    return tr("The leg “%1 → %2”").arg(l.from.place.name, l.to.place.name);
}

bool LegsEditor::applyForm() {
    save();
    return !m_dirty;
}

void LegsEditor::discardForm() {
    m_dirty = false;
    if (const plan::Leg* saved = m_plan.leg(m_base.id)) {
        m_isNew = false;
        loadForm(*saved);
    } else {
        newLeg();
    }
    fillTable();
}

void LegsEditor::setBusy(bool busy) {
    m_busy = busy;
    m_new->setEnabled(!busy);
    validate();
}

} // namespace tp::ui
