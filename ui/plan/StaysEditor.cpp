// SPDX-License-Identifier: GPL-3.0-or-later
#include "StaysEditor.h"

#include "FieldErrorLabel.h"
#include "FormInput.h"
#include "PlaceField.h"
#include "plan/Coverage.h"
#include "plan/PlanValidation.h"
#include "style/ErrorText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
enum Column { Name, CheckIn, CheckOut, Nights, Price, Status, ColumnCount };

QString nightsList(const QList<QDate>& nights) {
    QStringList out;
    for (const QDate& d : nights.mid(0, 8))
        out << d.toString(u"ddd d MMM"_s);
    if (nights.size() > 8)
        out << QObject::tr("and %n more", nullptr, int(nights.size() - 8));
    return out.join(u", "_s);
}
} // namespace

StaysEditor::StaysEditor(QWidget* parent)
    : PlanSection(parent) {
    m_coverage = new QLabel(this);
    m_coverage->setObjectName(u"stayCoverage"_s);
    m_coverage->setWordWrap(true);
    m_coverage->setTextFormat(Qt::PlainText);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"stayTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Check-in"), tr("Check-out"), tr("Nights"), tr("Price"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows only: a long plan stays quick to show.
    m_table->horizontalHeader()->setResizeContentsPrecision(40);
    m_table->setAccessibleName(tr("Stays"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"stayName"_s);
    m_place = new PlaceField(u"stay"_s, this);
    m_checkIn = new QLineEdit(this);
    m_checkIn->setObjectName(u"stayCheckIn"_s);
    m_checkIn->setPlaceholderText(u"YYYY-MM-DD"_s);
    m_checkOut = new QLineEdit(this);
    m_checkOut->setObjectName(u"stayCheckOut"_s);
    m_checkOut->setPlaceholderText(u"YYYY-MM-DD"_s);
    m_price = new QLineEdit(this);
    m_price->setObjectName(u"stayPrice"_s);
    m_price->setPlaceholderText(u"0.00"_s);
    m_currency = new QLineEdit(this);
    planform::keepCurrencyReadable(m_currency);
    m_currency->setObjectName(u"stayCurrency"_s);
    m_currency->setPlaceholderText(u"EUR"_s);
    m_currency->setMaxLength(3);
    m_perNight = new QCheckBox(tr("Per ni&ght"), this);
    m_perNight->setObjectName(u"stayPerNight"_s);
    m_bookingRef = new QLineEdit(this);
    m_bookingRef->setObjectName(u"stayBookingRef"_s);
    m_link = new QLineEdit(this);
    m_link->setObjectName(u"stayLink"_s);
    m_link->setPlaceholderText(u"https://"_s);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"stayStatus"_s);
    m_status->addItem(tr("Idea"), QString::fromUtf16(plan::item_status::Idea));
    m_status->addItem(tr("Booked"), QString::fromUtf16(plan::item_status::Booked));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"stayNotes"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(80);

    auto* form = new QFormLayout;
    auto row = [&](const QString& text, QWidget* field, QLayout* layout = nullptr) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        if (layout)
            form->addRow(label, layout);
        else
            form->addRow(label, field);
    };
    row(tr("&Name"), m_name);
    auto* placeLabel = new QLabel(tr("Pl&ace"), this);
    placeLabel->setBuddy(m_place->lineEdit());
    form->addRow(placeLabel, m_place);
    row(tr("Check-&in"), m_checkIn);
    row(tr("Check-&out"), m_checkOut);
    auto* priceRow = new QHBoxLayout;
    priceRow->addWidget(m_price, 2);
    auto* currencyLabel = new QLabel(tr("Currenc&y"), this);
    currencyLabel->setBuddy(m_currency);
    priceRow->addWidget(currencyLabel);
    priceRow->addWidget(m_currency, 1);
    priceRow->addWidget(m_perNight);
    row(tr("&Price"), m_price, priceRow);
    row(tr("Booking &ref"), m_bookingRef);
    row(tr("Lin&k"), m_link);
    row(tr("Stat&us"), m_status);
    row(tr("No&tes"), m_notes);

    m_errors = new FieldErrorLabel(this);
    m_errors->setObjectName(u"stayErrors"_s);
    m_errors->addField(u"name"_s, tr("Name"), m_name);
    m_errors->addField(u"place"_s, tr("Place"), m_place->lineEdit());
    m_errors->addField(u"check_in"_s, tr("Check-in"), m_checkIn);
    m_errors->addField(u"check_out"_s, tr("Check-out"), m_checkOut);
    m_errors->addField(u"price"_s, tr("Price"), m_price);
    m_errors->addField(u"price.currency"_s, tr("Currency"), m_currency);
    m_errors->addField(u"booking_ref"_s, tr("Booking ref"), m_bookingRef);
    m_errors->addField(u"link"_s, tr("Link"), m_link);
    m_errors->addField(u"status"_s, tr("Status"), m_status);
    m_errors->addField(u"notes"_s, tr("Notes"), m_notes);
    m_errors->addField(u"id"_s, tr("Id"));

    m_new = new QPushButton(tr("Ne&w stay"), this);
    m_new->setObjectName(u"stayNew"_s);
    m_save = new QPushButton(tr("&Save stay"), this);
    m_save->setObjectName(u"staySave"_s);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(u"stayDelete"_s);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);

    auto* formBox = new QVBoxLayout;
    formBox->addLayout(form);
    formBox->addWidget(m_errors);
    formBox->addLayout(buttons);
    formBox->addStretch(1); // spare height below the form, not between its rows

    auto* columns = new QHBoxLayout;
    columns->addWidget(m_table, 3);
    columns->addLayout(formBox, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_coverage);
    layout->addLayout(columns, 1);

    for (QLineEdit* e : {m_name, m_checkIn, m_checkOut, m_price, m_currency, m_bookingRef, m_link})
        connect(e, &QLineEdit::textChanged, this, &StaysEditor::edited);
    connect(m_place, &PlaceField::edited, this, &StaysEditor::edited);
    connect(m_perNight, &QCheckBox::toggled, this, &StaysEditor::edited);
    connect(m_status, &QComboBox::currentIndexChanged, this, &StaysEditor::edited);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &StaysEditor::edited);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (settleForm())
            newStay();
    });
    connect(m_save, &QPushButton::clicked, this, &StaysEditor::save);
    connect(m_delete, &QPushButton::clicked, this, &StaysEditor::remove);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaysEditor::rowChanged);
    newStay();
}

void StaysEditor::setPlan(const plan::Plan& plan, const PlanContext& context) {
    m_plan = plan;
    m_context = context;
    m_place->setDestination(context.destination);
    const plan::Coverage c = plan::coverage(plan, context.trip.startDate, context.trip.endDate);
    QStringList lines;
    if (!c.nightsWithoutStay.isEmpty())
        lines << tr("%n nights without a stay: %1", nullptr, int(c.nightsWithoutStay.size()))
                     .arg(nightsList(c.nightsWithoutStay));
    for (const plan::StayOverlap& o : c.overlaps) {
        const plan::Stay* a = plan.stay(o.firstId);
        const plan::Stay* b = plan.stay(o.secondId);
        lines << tr("“%1” and “%2” overlap on %3")
                     .arg(a ? a->name : o.firstId, b ? b->name : o.secondId, nightsList(o.nights));
    }
    m_coverage->setText(lines.isEmpty() ? tr("Every night of the trip has a stay.") : lines.join(u'\n'));
    setErrorText(m_coverage, !lines.isEmpty());
    fillTable();
    // The form keeps what the user typed; otherwise it shows the saved item.
    const plan::Stay* saved = plan.stay(m_base.id);
    if (saved) {
        m_isNew = false;
        if (!m_dirty)
            loadForm(*saved);
        else
            m_base.raw = saved->raw;
    } else if (!m_dirty) { // a new form takes the defaults of this plan and trip
        newStay();
    }
    validate();
}

void StaysEditor::fillTable() {
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_plan.stays.size()));
    int selected = -1;
    for (int r = 0; r < m_plan.stays.size(); ++r) {
        const plan::Stay& s = m_plan.stays[r];
        std::optional<plan::Money> price = s.price;
        const QStringList cells{
            s.name,
            planform::dateText(s.checkIn),
            planform::dateText(s.checkOut),
            QString::number(s.nights()),
            planform::moneyText(price) + (s.pricePerNight && price ? tr(" a night") : QString()),
            s.status == QStringView(plan::item_status::Booked) ? tr("Booked") : tr("Idea")};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, s.id);
            m_table->setItem(r, c, item);
        }
        if (s.id == m_base.id)
            selected = r;
    }
    m_table->clearSelection();
    if (selected >= 0)
        m_table->setCurrentCell(selected, 0);
    m_table->resizeColumnsToContents();
}

void StaysEditor::loadForm(const plan::Stay& s) {
    m_loading = true;
    m_base = s;
    m_name->setText(s.name);
    m_place->setPlace(s.place);
    m_checkIn->setText(planform::dateText(s.checkIn));
    m_checkOut->setText(planform::dateText(s.checkOut));
    m_price->setText(planform::amountText(s.price));
    m_currency->setText(planform::currencyText(s.price));
    m_perNight->setChecked(s.pricePerNight);
    m_bookingRef->setText(s.bookingRef);
    m_link->setText(s.link);
    m_status->setCurrentIndex(qMax(0, m_status->findData(s.status)));
    m_notes->setPlainText(s.notes);
    m_loading = false;
    m_dirty = false;
    validate();
}

void StaysEditor::newStay() {
    plan::Stay s;
    s.id = plan::newItemId(u"stay"_s);
    // A new stay starts where the last one ends (or the trip starts).
    QDate in = m_context.trip.startDate;
    for (const plan::Stay& other : std::as_const(m_plan.stays))
        if (other.checkOut.isValid() && (!in.isValid() || other.checkOut > in))
            in = other.checkOut;
    s.checkIn = in;
    if (m_plan.budget.homeCurrency.size() == 3)
        s.price = plan::Money{Decimal(), m_plan.budget.homeCurrency};
    m_isNew = true;
    loadForm(s);
    m_price->clear();
    m_table->clearSelection();
    m_dirty = false;
    validate();
}

bool StaysEditor::editDraft(const plan::Stay& draft) {
    if (!settleForm()) // a stay or activity being typed is asked about first
        return false;
    m_isNew = true;
    loadForm(draft);
    m_table->clearSelection();
    m_dirty = true; // not in the plan yet: leaving it asks, as for anything typed
    validate();
    m_name->setFocus();
    return true;
}

plan::Stay StaysEditor::formStay(QList<FieldError>* errors) const {
    QList<FieldError> problems;
    plan::Stay s = m_base;
    s.name = m_name->text().trimmed();
    s.place = m_place->place();
    s.checkIn = planform::readDate(m_checkIn, u"check_in"_s, problems);
    s.checkOut = planform::readDate(m_checkOut, u"check_out"_s, problems);
    s.price = planform::readMoney(m_price, m_currency, u"price"_s, problems);
    s.pricePerNight = m_perNight->isChecked();
    s.bookingRef = m_bookingRef->text().trimmed();
    s.link = m_link->text().trimmed();
    s.status = m_status->currentData().toString();
    s.notes = m_notes->toPlainText();
    if (errors) {
        // A date that did not parse is reported once, as typed, not again as missing.
        for (const FieldError& e : plan::checkStay(s))
            if (std::none_of(problems.cbegin(), problems.cend(),
                             [&](const FieldError& p) { return p.field == e.field; }))
                problems << e;
        *errors = problems;
    }
    return s;
}

void StaysEditor::edited() {
    if (m_loading)
        return;
    m_dirty = true;
    validate();
}

void StaysEditor::validate() {
    QList<FieldError> errors;
    formStay(&errors);
    // An untouched new form is not yet wrong.
    m_errors->showErrors(m_isNew && !m_dirty ? QList<FieldError>{} : errors);
    m_save->setEnabled(!m_busy && m_dirty && errors.isEmpty());
    m_delete->setEnabled(!m_busy && !m_isNew);
}

void StaysEditor::save() {
    QList<FieldError> errors;
    const plan::Stay s = formStay(&errors);
    if (!errors.isEmpty() || m_busy)
        return;
    plan::Plan p = m_plan;
    QString description;
    if (auto it =
            std::find_if(p.stays.begin(), p.stays.end(), [&](const plan::Stay& x) { return x.id == s.id; });
        it != p.stays.end()) {
        *it = s;
        description = tr("Edit stay %1").arg(s.name);
    } else {
        p.stays << s;
        description = tr("Add stay %1").arg(s.name);
    }
    m_base = s;
    m_isNew = false;
    m_dirty = false;
    validate();
    Q_EMIT changeRequested(p, description);
}

void StaysEditor::remove() {
    if (m_isNew || m_busy)
        return;
    plan::Plan p = m_plan;
    if (!p.remove(m_base.id))
        return;
    const QString name = m_base.name;
    m_dirty = false;
    newStay();
    Q_EMIT changeRequested(p, tr("Remove stay %1").arg(name));
}

void StaysEditor::setGeocoder(geo::GeocodingService* geocoder) {
    m_place->setGeocoder(geocoder);
}

void StaysEditor::rowChanged() {
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
    if (const plan::Stay* s = m_plan.stay(id)) {
        m_isNew = false;
        loadForm(*s);
    }
}

bool StaysEditor::selectItem(const QString& id) {
    const plan::Stay* s = m_plan.stay(id);
    if (!s)
        return false;
    if (id != m_base.id && !settleForm())
        return true; // the form being edited stays
    m_isNew = false;
    loadForm(*s);
    fillTable();
    return true;
}

QString StaysEditor::unsavedFormName() const {
    const QString name = m_name->text().trimmed();
    return name.isEmpty() ? tr("The new stay") : tr("The stay “%1”").arg(name);
}

bool StaysEditor::applyForm() {
    save();
    return !m_dirty;
}

void StaysEditor::discardForm() {
    m_dirty = false;
    if (const plan::Stay* saved = m_plan.stay(m_base.id)) {
        m_isNew = false;
        loadForm(*saved);
    } else {
        newStay();
    }
    fillTable();
}

void StaysEditor::setBusy(bool busy) {
    m_busy = busy;
    m_new->setEnabled(!busy);
    validate();
}

} // namespace tp::ui
