// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripListModel.h"

#include "domain/Stages.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace tp {

using SortKey = TripSortKey;

TripListModel::TripListModel(DatabaseService* service, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service) {}

void TripListModel::setUserId(Id userId) {
    m_userId = userId;
    query(true);
}

void TripListModel::setFilter(const TripFilter& filter) {
    m_filter = filter;
    query(true);
}

void TripListModel::reload() {
    query(true);
}

void TripListModel::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void TripListModel::setTotal(int total) {
    if (m_total == total)
        return;
    m_total = total;
    Q_EMIT totalCountChanged(total);
}

void TripListModel::start(Id userId, const TripFilter& filter, const TripOrder& order,
                          const TripPage& firstPage) {
    if (!(filter == m_filter && order == m_order)) {
        setUserId(userId);
        return;
    }
    m_userId = userId;
    const quint64 generation = ++m_generation; // whatever was asked before is outdated
    beginResetModel();
    m_rows = firstPage.rows;
    endResetModel();
    if (firstPage.total >= 0) {
        m_fetching = false;
        setTotal(std::max(firstPage.total, int(m_rows.size())));
        setLoading(false);
        return;
    }
    // Not counted with the page (SQLite): the count follows in a job of its own.
    m_fetching = true;
    setLoading(true);
    const TripFilter f = m_filter;
    m_service->post<int>(
        this, [=](Database& db) { return TripRepository(db, userId).count(f); },
        [this, generation](Result<int> r) {
            if (generation != m_generation)
                return;
            m_fetching = false;
            setLoading(false);
            if (!r.ok()) {
                Q_EMIT errorOccurred(r.error().message);
                return;
            }
            setTotal(std::max(r.value(), int(m_rows.size())));
        });
}

void TripListModel::query(bool reset) {
    if (m_userId == 0)
        return;
    const quint64 generation = ++m_generation;
    m_fetching = true;
    setLoading(true);
    const Id user = m_userId;
    const TripFilter filter = m_filter;
    const TripOrder order = m_order;
    const int limit = m_pageSize;
    auto showRows = [this, generation, reset](Result<QList<Trip>> r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            m_fetching = false;
            setLoading(false);
            Q_EMIT errorOccurred(r.error().message);
            return;
        }
        if (reset || !m_rows.isEmpty()) {
            beginResetModel();
            m_rows = std::move(r.value());
            endResetModel();
        }
    };
    auto showCount = [this, generation](Result<int> r) {
        if (generation != m_generation)
            return;
        // Cleared when the count is in: a fetchMore() from a view must see the total.
        m_fetching = false;
        setLoading(false);
        if (!r.ok()) {
            Q_EMIT errorOccurred(r.error().message);
            return;
        }
        setTotal(std::max(r.value(), int(m_rows.size())));
    };
    if (m_service->url().dialect == Dialect::Postgres) {
        // The page and the count in one exchange: a round trip saved is worth
        // far more over a network than the count's milliseconds on the server.
        m_service->post<TripPage>(
            this, [=](Database& db) { return TripRepository(db, user).firstPage(filter, order, limit); },
            [showRows, showCount](Result<TripPage> r) {
                if (!r.ok()) {
                    showRows(Result<QList<Trip>>::failure(r.error()));
                    return;
                }
                showRows(Result<QList<Trip>>::success(r.value().rows));
                showCount(Result<int>::success(r.value().total));
            });
        return;
    }
    // SQLite has no round trips to save: the first page alone, then the count
    // in a job of its own, so that the rows are painted as soon as they are read.
    m_service->post<QList<Trip>>(
        this, [=](Database& db) { return TripRepository(db, user).page(filter, order, limit); }, showRows);
    m_service->post<int>(
        this, [=](Database& db) { return TripRepository(db, user).count(filter); }, showCount);
}

bool TripListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_fetching && m_total > m_rows.size();
}

void TripListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    setLoading(true);
    const quint64 generation = m_generation;
    const Id user = m_userId;
    const TripFilter filter = m_filter;
    const TripOrder order = m_order;
    const int limit = m_pageSize;
    // Keyset paging: the next page continues after the last loaded row.
    const std::optional<Trip> after =
        m_rows.isEmpty() ? std::nullopt : std::optional<Trip>(m_rows.constLast());
    m_service->post<QList<Trip>>(
        this, [=](Database& db) { return TripRepository(db, user).page(filter, order, limit, after); },
        [this, generation, limit](Result<QList<Trip>> r) {
            if (generation != m_generation)
                return;
            // Cleared when the rows are in: a fetchMore() from a view reacting to the
            // insertion must see the new row count.
            const auto done = qScopeGuard([this] {
                m_fetching = false;
                setLoading(false);
            });
            if (!r.ok()) {
                Q_EMIT errorOccurred(r.error().message);
                return;
            }
            QSet<Id> known;
            for (const Trip& t : std::as_const(m_rows))
                known.insert(t.id);
            QList<Trip> fresh;
            for (Trip& t : r.value())
                if (!known.contains(t.id))
                    fresh << std::move(t);
            if (r.value().size() < limit) // the end: whatever was counted, nothing more is there
                setTotal(int(m_rows.size() + fresh.size()));
            if (fresh.isEmpty())
                return;
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
            m_rows.append(fresh);
            endInsertRows();
        });
}

void TripListModel::sort(int column, Qt::SortOrder order) {
    static constexpr SortKey keys[] = {SortKey::Title,    SortKey::Destination, SortKey::Dates,
                                       SortKey::Duration, SortKey::Budget,      SortKey::Travellers,
                                       SortKey::Status};
    const SortKey key = (column >= 0 && column < ColumnCount) ? keys[column] : SortKey::Created;
    const bool descending = column < 0 ? true : order == Qt::DescendingOrder;
    const TripOrder wanted{key, descending};
    if (wanted == m_order)
        return;
    m_order = wanted;
    query(true);
}

int TripListModel::rowOf(Id id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int TripListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TripListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString TripListModel::statusLabel(const QString& status) {
    const int i = choiceIndex(trip_status::all, status);
    return i < 0 ? status : QCoreApplication::translate("Stages", trip_status::all[i].label);
}

QString TripListModel::formatDates(const Trip& t) {
    const QLocale locale;
    auto fmt = [&](const QDate& d) {
        return locale.toString(d, QLocale::ShortFormat);
    };
    if (t.startDate.isValid() && t.endDate.isValid())
        return tr("%1 – %2").arg(fmt(t.startDate), fmt(t.endDate));
    if (t.startDate.isValid())
        return tr("from %1").arg(fmt(t.startDate));
    if (t.endDate.isValid())
        return tr("until %1").arg(fmt(t.endDate));
    return {};
}

QVariant TripListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Trip& t = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return t.id;
    case StatusValueRole:
        return t.status;
    case UpcomingRole:
        return t.isFutureTrip();
    case Qt::TextAlignmentRole:
        if (index.column() == BudgetColumn || index.column() == TravellersColumn ||
            index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn && !t.description.isEmpty())
            return t.description.left(500);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case TitleColumn:
        return t.title;
    case DestinationColumn:
        if (t.destinationName.isEmpty())
            return QString();
        return t.destinationCountry.isEmpty() ? t.destinationName
                                              : tr("%1, %2").arg(t.destinationName, t.destinationCountry);
    case DatesColumn:
        return formatDates(t);
    case DurationColumn:
        if (auto d = t.durationDays())
            return tr("%n days", nullptr, *d);
        return QString();
    case BudgetColumn:
        return t.budget ? t.budget->toString() : QString();
    case TravellersColumn:
        return t.travelersCount;
    case StatusColumn:
        return statusLabel(t.status);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TripListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TitleColumn:
        return tr("Title");
    case DestinationColumn:
        return tr("Destination");
    case DatesColumn:
        return tr("Dates");
    case DurationColumn:
        return tr("Duration");
    case BudgetColumn:
        return tr("Budget");
    case TravellersColumn:
        return tr("Travellers");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

// --- writes ----------------------------------------------------------------

void TripListModel::createTrip(const Trip& draft, TripCallback done) {
    const Id user = m_userId;
    m_service->post<Trip>(
        this, [=](Database& db) { return TripRepository(db, user).create(draft); },
        [this, done](Result<Trip> r) {
            if (r.ok())
                applyInserted(r.value());
            if (done)
                done(std::move(r));
        });
}

void TripListModel::restoreTrip(const TripArchive& archive, TripCallback done) {
    const Id user = m_userId;
    m_service->post<Trip>(
        this, [=](Database& db) { return TripArchiveRepository(db, user).restore(archive); },
        [this, done](Result<Trip> r) {
            if (r.ok())
                applyInserted(r.value());
            if (done)
                done(std::move(r));
        });
}

void TripListModel::updateTrip(const Trip& trip, TripCallback done) {
    const Id user = m_userId;
    m_service->post<Trip>(
        this, [=](Database& db) { return TripRepository(db, user).update(trip); },
        [this, done, id = trip.id](Result<Trip> r) {
            if (r.ok())
                applyUpdated(r.value());
            else if (r.error().kind == Error::Kind::Conflict)
                reloadTrip(id); // show the change that was kept
            if (done)
                done(std::move(r));
        });
}

void TripListModel::reloadTrip(Id id) {
    const Id user = m_userId;
    m_service->post<std::optional<Trip>>(
        this, [=](Database& db) { return TripRepository(db, user).find(id); },
        [this](Result<std::optional<Trip>> r) {
            if (r.ok() && r.value())
                applyUpdated(*r.value());
        });
}

void TripListModel::removeTrip(Id id, std::function<void(Result<TripArchive>)> done) {
    const Id user = m_userId;
    m_service->post<TripArchive>(
        this, [=](Database& db) { return TripArchiveRepository(db, user).removeKeepingArchive(id); },
        [this, id, done](Result<TripArchive> r) {
            if (r.ok())
                applyRemoved(id);
            if (done)
                done(std::move(r));
        });
}

int TripListModel::insertPosition(const Trip& trip) const {
    const auto it = std::partition_point(m_rows.cbegin(), m_rows.cend(),
                                         [&](const Trip& row) { return m_order.before(row, trip); });
    return int(it - m_rows.cbegin());
}

void TripListModel::applyInserted(const Trip& trip) {
    if (!tripMatches(trip, m_filter) || rowOf(trip.id) >= 0)
        return;
    const int pos = insertPosition(trip);
    const bool moreUnloaded = m_total > m_rows.size();
    if (m_total >= 0)
        setTotal(m_total + 1);
    if (pos == m_rows.size() && moreUnloaded)
        return; // it belongs among the rows not loaded yet
    beginInsertRows({}, pos, pos);
    m_rows.insert(pos, trip);
    endInsertRows();
}

void TripListModel::applyUpdated(const Trip& trip) {
    Q_EMIT tripChanged(trip);
    const int row = rowOf(trip.id);
    if (row < 0) {
        applyInserted(trip); // it may match the filter now
        return;
    }
    if (!tripMatches(trip, m_filter)) {
        applyRemoved(trip.id);
        return;
    }
    m_rows[row] = trip;
    // Keep the order: move the row when its sort key moved it.
    QList<Trip> others = m_rows;
    others.removeAt(row);
    const auto it = std::partition_point(others.cbegin(), others.cend(),
                                         [&](const Trip& r) { return m_order.before(r, trip); });
    const int target = int(it - others.cbegin());
    if (target == others.size() && m_total > m_rows.size()) {
        // It now belongs among the rows not loaded yet: shown when its page is
        // (kept here, it would be the keyset's last row and hide those before it).
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        return;
    }
    if (target != row) {
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_rows.move(row, target);
        endMoveRows();
    }
    Q_EMIT dataChanged(index(target, 0), index(target, ColumnCount - 1));
}

void TripListModel::applyRemoved(Id id) {
    const int row = rowOf(id);
    if (m_total > 0)
        setTotal(m_total - 1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

} // namespace tp
