// SPDX-License-Identifier: GPL-3.0-or-later
#include "BudgetEditor.h"

#include "FieldErrorLabel.h"
#include "FormInput.h"
#include "plan/ExactMath.h"
#include "plan/PlanValidation.h"
#include "style/ErrorText.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
QString categoryLabel(const QString& c) {
    if (c == QStringView(plan::budget_category::Stays))
        return QObject::tr("Stays");
    if (c == QStringView(plan::budget_category::Transport))
        return QObject::tr("Transport");
    if (c == QStringView(plan::budget_category::Activities))
        return QObject::tr("Activities");
    if (c == QStringView(plan::budget_category::FoodDaily))
        return QObject::tr("Food and daily costs");
    return QObject::tr("Other");
}

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers) {
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows only: a long plan stays quick to show.
    t->horizontalHeader()->setResizeContentsPrecision(40);
    return t;
}

// Fills a row, reusing its items: a cell whose values did not change is not
// painted again, and a 500-item plan's 2,000 cells are not allocated anew on
// every save (BudgetEditor::setPlan 2.7-4.9 ms with new items, 1.8-2.0 ms
// reusing them; tests/bench/bench_plan_gui).
void setRow(QTableWidget* t, int row, const QStringList& cells, const QString& id = {}) {
    for (int c = 0; c < cells.size(); ++c) {
        QTableWidgetItem* item = t->item(row, c);
        if (!item) {
            item = new QTableWidgetItem;
            t->setItem(row, c, item);
        }
        item->setText(cells[c]);
        item->setData(Qt::UserRole, id);
        const bool number = c > 0 && !cells[c].isEmpty() && (cells[c][0].isDigit() || cells[c][0] == u'-');
        item->setData(Qt::TextAlignmentRole,
                      number ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant());
    }
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setBuddy(buddy);
    return l;
}
} // namespace

BudgetEditor::BudgetEditor(QWidget* parent)
    : PlanSection(parent) {
    m_home = new QLineEdit(this);
    m_home->setObjectName(u"budgetHomeCurrency"_s);
    m_home->setMaxLength(3);
    m_home->setPlaceholderText(u"EUR"_s);
    m_home->setMaximumWidth(m_home->fontMetrics().horizontalAdvance(u"WWWWW"_s) + 16);
    m_homeErrors = new FieldErrorLabel(this);
    m_homeErrors->addField(u"home_currency"_s, tr("Home currency"), m_home);
    m_totals = makeTable(this, u"budgetTotals"_s, {tr("Category"), tr("Amount")});
    m_totals->setAccessibleName(tr("Totals"));
    m_status = new QLabel(this);
    m_status->setObjectName(u"budgetStatus"_s);
    m_status->setWordWrap(true);
    QFont f = m_status->font();
    f.setBold(true);
    m_status->setFont(f);
    m_problems = new QLabel(this);
    m_problems->setObjectName(u"budgetProblems"_s);
    m_problems->setWordWrap(true);
    m_lines =
        makeTable(this, u"budgetLines"_s, {tr("Category"), tr("Item"), tr("Cost"), tr("In home currency")});
    m_lines->setAccessibleName(tr("Costs"));

    m_rates = makeTable(this, u"budgetRates"_s, {tr("Currency"), tr("Rate"), tr("Read on")});
    m_rates->setAccessibleName(tr("Exchange rates"));
    m_rateCurrency = new QLineEdit(this);
    planform::keepCurrencyReadable(m_rateCurrency);
    m_rateCurrency->setObjectName(u"rateCurrency"_s);
    m_rateCurrency->setMaxLength(3);
    m_rateCurrency->setPlaceholderText(u"USD"_s);
    m_rate = new QLineEdit(this);
    m_rate->setObjectName(u"rateValue"_s);
    m_rate->setPlaceholderText(u"0.925000"_s);
    m_rateDate = new QLineEdit(this);
    m_rateDate->setObjectName(u"rateDate"_s);
    m_rateDate->setPlaceholderText(u"YYYY-MM-DD"_s);
    m_rateErrors = new FieldErrorLabel(this);
    m_rateErrors->setObjectName(u"rateErrors"_s);
    m_rateErrors->addField(u"rates[0].currency"_s, tr("Currency"), m_rateCurrency);
    m_rateErrors->addField(u"rates[0].rate"_s, tr("Rate"), m_rate);
    m_rateErrors->addField(u"rates[0].date"_s, tr("Rate date"), m_rateDate);
    m_rateErrors->addField(u"home_currency"_s, tr("Home currency"), m_home);
    m_addRate = new QPushButton(tr("&Add rate"), this);
    m_addRate->setObjectName(u"rateAdd"_s);
    m_removeRate = new QPushButton(tr("Re&move rate"), this);
    m_removeRate->setObjectName(u"rateRemove"_s);

    m_other = makeTable(this, u"budgetOther"_s, {tr("Cost"), tr("Amount")});
    m_other->setAccessibleName(tr("Other costs"));
    m_costLabel = new QLineEdit(this);
    m_costLabel->setObjectName(u"costLabel"_s);
    m_costLabel->setPlaceholderText(tr("Insurance, visa…"));
    m_costAmount = new QLineEdit(this);
    m_costAmount->setObjectName(u"costAmount"_s);
    m_costAmount->setPlaceholderText(u"0.00"_s);
    m_costCurrency = new QLineEdit(this);
    planform::keepCurrencyReadable(m_costCurrency);
    m_costCurrency->setObjectName(u"costCurrency"_s);
    m_costCurrency->setMaxLength(3);
    m_costCurrency->setPlaceholderText(u"EUR"_s);
    m_costErrors = new FieldErrorLabel(this);
    m_costErrors->setObjectName(u"costErrors"_s);
    m_costErrors->addField(u"other[0].label"_s, tr("Label"), m_costLabel);
    m_costErrors->addField(u"other[0].amount"_s, tr("Amount"), m_costAmount);
    m_costErrors->addField(u"other[0].currency"_s, tr("Currency"), m_costCurrency);
    m_addCost = new QPushButton(tr("Add &cost"), this);
    m_addCost->setObjectName(u"costAdd"_s);
    m_removeCost = new QPushButton(tr("Remove cos&t"), this);
    m_removeCost->setObjectName(u"costRemove"_s);

    auto* homeRow = new QHBoxLayout;
    homeRow->addWidget(buddyLabel(tr("&Home currency"), m_home, this));
    homeRow->addWidget(m_home);
    homeRow->addStretch();
    auto* left = new QVBoxLayout;
    left->addLayout(homeRow);
    left->addWidget(m_homeErrors);
    left->addWidget(m_totals);
    left->addWidget(m_status);
    left->addWidget(m_problems);
    left->addWidget(m_lines, 1);

    auto* ratesBox = new QGroupBox(tr("Exchange rates (1 unit = rate × home currency)"), this);
    auto* rateForm = new QFormLayout;
    rateForm->addRow(buddyLabel(tr("Currenc&y"), m_rateCurrency, this), m_rateCurrency);
    rateForm->addRow(buddyLabel(tr("&Rate"), m_rate, this), m_rate);
    rateForm->addRow(buddyLabel(tr("Rate &date"), m_rateDate, this), m_rateDate);
    auto* rateButtons = new QHBoxLayout;
    rateButtons->addWidget(m_removeRate);
    rateButtons->addStretch();
    rateButtons->addWidget(m_addRate);
    auto* ratesLayout = new QVBoxLayout(ratesBox);
    ratesLayout->addWidget(m_rates, 1);
    ratesLayout->addLayout(rateForm);
    ratesLayout->addWidget(m_rateErrors);
    ratesLayout->addLayout(rateButtons);

    auto* otherBox = new QGroupBox(tr("Other costs"), this);
    auto* costForm = new QFormLayout;
    costForm->addRow(buddyLabel(tr("La&bel"), m_costLabel, this), m_costLabel);
    auto* amountRow = new QHBoxLayout;
    amountRow->addWidget(m_costAmount, 2);
    amountRow->addWidget(buddyLabel(tr("C&urrency"), m_costCurrency, this));
    amountRow->addWidget(m_costCurrency, 1);
    costForm->addRow(buddyLabel(tr("Am&ount"), m_costAmount, this), amountRow);
    auto* costButtons = new QHBoxLayout;
    costButtons->addWidget(m_removeCost);
    costButtons->addStretch();
    costButtons->addWidget(m_addCost);
    auto* otherLayout = new QVBoxLayout(otherBox);
    otherLayout->addWidget(m_other, 1);
    otherLayout->addLayout(costForm);
    otherLayout->addWidget(m_costErrors);
    otherLayout->addLayout(costButtons);

    auto* right = new QVBoxLayout;
    right->addWidget(ratesBox, 1);
    right->addWidget(otherBox, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    connect(m_home, &QLineEdit::editingFinished, this, &BudgetEditor::applyHomeCurrency);
    connect(m_home, &QLineEdit::textEdited, this, [this] {
        const QString code = m_home->text().trimmed().toUpper();
        plan::BudgetSettings b;
        b.homeCurrency = code;
        m_homeErrors->showErrors(code.size() == 3 ? plan::checkBudget(b, QString()) : QList<FieldError>{});
    });
    for (QLineEdit* e : {m_rateCurrency, m_rate, m_rateDate})
        connect(e, &QLineEdit::textChanged, this, &BudgetEditor::validateRate);
    for (QLineEdit* e : {m_costLabel, m_costAmount, m_costCurrency})
        connect(e, &QLineEdit::textChanged, this, &BudgetEditor::validateCost);
    connect(m_addRate, &QPushButton::clicked, this, &BudgetEditor::addRate);
    connect(m_removeRate, &QPushButton::clicked, this, &BudgetEditor::removeRate);
    connect(m_addCost, &QPushButton::clicked, this, &BudgetEditor::addCost);
    connect(m_removeCost, &QPushButton::clicked, this, &BudgetEditor::removeCost);
    connect(m_rates, &QTableWidget::itemSelectionChanged, this, &BudgetEditor::validateRate);
    connect(m_other, &QTableWidget::itemSelectionChanged, this, &BudgetEditor::validateCost);
    validateRate();
    validateCost();
}

void BudgetEditor::setPlan(const plan::Plan& plan, const PlanContext& context) {
    m_plan = plan;
    m_context = context;
    m_report = plan::computeBudget(plan, context.trip, context.destination);
    if (!m_home->hasFocus())
        m_home->setText(plan.budget.homeCurrency);
    if (m_costCurrency->text().isEmpty())
        m_costCurrency->setText(plan.budget.homeCurrency);
    showReport();

    const int rateRow = m_rates->currentRow();
    m_rates->setRowCount(int(plan.budget.rates.size()));
    for (int r = 0; r < plan.budget.rates.size(); ++r) {
        const plan::ExchangeRate& x = plan.budget.rates[r];
        setRow(m_rates, r, {x.currency, x.rate.toString(), planform::dateText(x.date)});
    }
    if (rateRow >= 0 && rateRow < m_rates->rowCount())
        m_rates->setCurrentCell(rateRow, 0);
    const int costRow = m_other->currentRow();
    m_other->setRowCount(int(plan.budget.other.size()));
    for (int r = 0; r < plan.budget.other.size(); ++r) {
        const plan::OtherCost& c = plan.budget.other[r];
        setRow(m_other, r, {c.label, c.amount.amount.toString() + u' ' + c.amount.currency}, c.id);
    }
    if (costRow >= 0 && costRow < m_other->rowCount())
        m_other->setCurrentCell(costRow, 0);
    m_rates->resizeColumnsToContents();
    m_other->resizeColumnsToContents();
    validateRate();
    validateCost();
}

void BudgetEditor::showReport() {
    const plan::BudgetReport& r = m_report;
    const QString home = r.homeCurrency;
    auto money = [&](const Decimal& d) -> QString {
        return d.toString() + u' ' + home;
    };
    const QStringList categories = plan::budgetCategories();
    m_totals->setRowCount(int(categories.size()) + 3);
    int row = 0;
    for (const QString& c : categories)
        setRow(m_totals, row++, {categoryLabel(c), money(r.total(c))});
    setRow(m_totals, row++, {tr("Total"), money(r.total())});
    setRow(m_totals, row++, {tr("Trip budget"), r.tripBudget ? money(*r.tripBudget) : tr("not set")});
    const std::optional<Decimal> remaining = r.remaining();
    setRow(m_totals, row++, {tr("Remaining"), remaining ? money(*remaining) : QString()});
    QFont bold = m_totals->font();
    bold.setBold(true);
    m_totals->item(int(categories.size()), 0)->setFont(bold);
    m_totals->item(int(categories.size()), 1)->setFont(bold);
    // Set either way: the items are reused from the last report.
    const QVariant remainingColour =
        r.overBudget() ? QVariant(QBrush(errorTextColour(m_totals->palette().color(QPalette::Base))))
                       : QVariant();
    m_totals->item(row - 1, 0)->setData(Qt::ForegroundRole, remainingColour);
    m_totals->item(row - 1, 1)->setData(Qt::ForegroundRole, remainingColour);
    m_totals->resizeColumnsToContents();
    m_totals->resizeRowsToContents();
    // Every total visible without scrolling: the table is as tall as its rows.
    int height = m_totals->horizontalHeader()->sizeHint().height() + 2 * m_totals->frameWidth();
    for (int i = 0; i < m_totals->rowCount(); ++i)
        height += m_totals->rowHeight(i);
    m_totals->setFixedHeight(height);

    if (!remaining)
        m_status->setText(tr("No trip budget to compare with: set one on the trip."));
    else if (r.overBudget())
        m_status->setText(
            tr("Over budget by %1").arg(money(Decimal::fromUnits(-remaining->units(), remaining->scale()))));
    else
        m_status->setText(tr("Within budget: %1 left").arg(money(*remaining)));
    setErrorText(m_status, r.overBudget());
    m_problems->setText(r.problems.join(u'\n'));
    m_problems->setVisible(!r.problems.isEmpty());

    m_lines->setRowCount(int(r.lines.size()));
    for (int i = 0; i < r.lines.size(); ++i) {
        const plan::BudgetLine& l = r.lines[i];
        const QString converted =
            l.converted ? money(plan::exact::round(*l.converted, plan::AmountScale)) : tr("no rate");
        setRow(m_lines, i,
               {categoryLabel(l.category), l.label, l.original.amount.toString() + u' ' + l.original.currency,
                converted},
               l.itemId);
    }
    m_lines->resizeColumnsToContents();
}

void BudgetEditor::applyHomeCurrency() {
    const QString code = m_home->text().trimmed().toUpper();
    if (code == m_plan.budget.homeCurrency || m_busy)
        return;
    plan::BudgetSettings b = m_plan.budget;
    b.homeCurrency = code;
    const QList<FieldError> errors = plan::checkBudget(b, QString());
    QList<FieldError> own;
    for (const FieldError& e : errors)
        if (e.field == u"home_currency")
            own << e;
    m_homeErrors->showErrors(own);
    if (!own.isEmpty())
        return;
    request(b, code.isEmpty() ? tr("Clear the home currency") : tr("Set home currency %1").arg(code));
}

std::optional<plan::ExchangeRate> BudgetEditor::formRate(QList<FieldError>& errors) const {
    plan::ExchangeRate x;
    x.currency = m_rateCurrency->text().trimmed().toUpper();
    x.date = planform::readDate(m_rateDate, u"rates[0].date"_s, errors);
    const QString text = m_rate->text().trimmed();
    if (!text.isEmpty()) {
        QString why;
        if (const auto v = Decimal::parse(text, plan::RatePrecision, plan::RateScale, &why))
            x.rate = *v;
        else
            errors.append({u"rates[0].rate"_s, why.isEmpty() ? tr("is not a number") : why});
    }
    plan::BudgetSettings b;
    b.rates << x;
    for (const FieldError& e : plan::checkBudget(b, QString()))
        if (std::none_of(errors.cbegin(), errors.cend(),
                         [&](const FieldError& p) { return p.field == e.field; }))
            errors << e;
    if (x.currency == m_plan.budget.homeCurrency && !x.currency.isEmpty())
        errors.append({u"rates[0].currency"_s, tr("is the home currency (its rate is 1)")});
    if (!errors.isEmpty())
        return std::nullopt;
    return x;
}

void BudgetEditor::validateRate() {
    QList<FieldError> errors;
    const auto rate = formRate(errors);
    const bool typed =
        !m_rateCurrency->text().isEmpty() || !m_rate->text().isEmpty() || !m_rateDate->text().isEmpty();
    if (m_plan.budget.homeCurrency.isEmpty())
        errors.append({u"home_currency"_s, tr("is needed before rates (rates convert into it)")});
    m_rateErrors->showErrors(typed ? errors : QList<FieldError>{});
    m_addRate->setEnabled(!m_busy && rate && !m_plan.budget.homeCurrency.isEmpty());
    m_removeRate->setEnabled(!m_busy && m_rates->currentRow() >= 0);
}

void BudgetEditor::addRate() {
    QList<FieldError> errors;
    const auto rate = formRate(errors);
    if (!rate || m_busy || m_plan.budget.homeCurrency.isEmpty())
        return;
    plan::BudgetSettings b = m_plan.budget;
    b.rates << *rate;
    m_rateCurrency->clear();
    m_rate->clear();
    m_rateDate->clear();
    request(b, tr("Add rate %1 = %2 %3").arg(rate->currency, rate->rate.toString(), b.homeCurrency));
}

void BudgetEditor::removeRate() {
    const int row = m_rates->currentRow();
    if (row < 0 || row >= m_plan.budget.rates.size() || m_busy)
        return;
    plan::BudgetSettings b = m_plan.budget;
    const plan::ExchangeRate x = b.rates.takeAt(row);
    request(b, tr("Remove rate %1").arg(x.currency));
}

std::optional<plan::OtherCost> BudgetEditor::formCost(QList<FieldError>& errors) const {
    plan::OtherCost c;
    c.id = plan::newItemId(u"cost"_s);
    c.label = m_costLabel->text().trimmed();
    c.amount.currency = m_costCurrency->text().trimmed().toUpper();
    const QString text = m_costAmount->text().trimmed();
    QString why;
    if (text.isEmpty())
        errors.append({u"other[0].amount"_s, tr("is required")});
    else if (const auto v = Decimal::parse(text, plan::AmountPrecision, plan::AmountScale, &why))
        c.amount.amount = *v;
    else
        errors.append({u"other[0].amount"_s, why.isEmpty() ? tr("is not an amount") : why});
    plan::BudgetSettings b;
    b.other << c;
    for (const FieldError& e : plan::checkBudget(b, QString()))
        if (std::none_of(errors.cbegin(), errors.cend(),
                         [&](const FieldError& p) { return p.field == e.field; }))
            errors << e;
    if (!errors.isEmpty())
        return std::nullopt;
    return c;
}

void BudgetEditor::validateCost() {
    QList<FieldError> errors;
    const auto cost = formCost(errors);
    const bool typed = !m_costLabel->text().isEmpty() || !m_costAmount->text().isEmpty();
    m_costErrors->showErrors(typed ? errors : QList<FieldError>{});
    m_addCost->setEnabled(!m_busy && cost.has_value());
    m_removeCost->setEnabled(!m_busy && m_other->currentRow() >= 0);
}

void BudgetEditor::addCost() {
    QList<FieldError> errors;
    const auto cost = formCost(errors);
    if (!cost || m_busy)
        return;
    plan::BudgetSettings b = m_plan.budget;
    b.other << *cost;
    m_costLabel->clear();
    m_costAmount->clear();
    request(b, tr("Add cost %1").arg(cost->label));
}

void BudgetEditor::removeCost() {
    const int row = m_other->currentRow();
    if (row < 0 || row >= m_plan.budget.other.size() || m_busy)
        return;
    plan::BudgetSettings b = m_plan.budget;
    const plan::OtherCost c = b.other.takeAt(row);
    request(b, tr("Remove cost %1").arg(c.label));
}

void BudgetEditor::request(const plan::BudgetSettings& settings, const QString& description) {
    plan::Plan p = m_plan;
    p.budget = settings;
    Q_EMIT changeRequested(p, description);
}

void BudgetEditor::setBusy(bool busy) {
    m_busy = busy;
    validateRate();
    validateCost();
}

} // namespace tp::ui
