// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationTableModel.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
bool orderedBefore(const Destination& a, const Destination& b) {
    const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    return QString::compare(a.country, b.country, Qt::CaseInsensitive) < 0;
}
} // namespace

DestinationTableModel::DestinationTableModel(DatabaseService* service, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service) {}

void DestinationTableModel::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void DestinationTableModel::setSearchText(const QString& text) {
    m_search = text.trimmed();
    load();
}

void DestinationTableModel::load() {
    const quint64 generation = ++m_generation;
    const QString search = m_search;
    const int limit = m_pageSize;
    setLoading(true);
    m_service->post<QList<Destination>>(
        this,
        [=](Database& db) {
            DestinationRepository repo(db);
            return search.isEmpty() ? repo.list(limit) : repo.search(search, limit);
        },
        [this, generation, limit, search](Result<QList<Destination>> r) {
            if (generation != m_generation)
                return;
            const auto done = qScopeGuard([this] { setLoading(false); });
            if (!r.ok()) {
                Q_EMIT errorOccurred(r.error().message);
                return;
            }
            beginResetModel();
            m_rows = std::move(r.value());
            m_lastFetched = m_rows.isEmpty() ? std::nullopt : std::optional<Destination>(m_rows.constLast());
            m_atEnd = !search.isEmpty() || m_rows.size() < limit;
            m_loaded = true;
            endResetModel();
        });
}

bool DestinationTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void DestinationTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    const quint64 generation = m_generation;
    const int limit = m_pageSize;
    // After the last row the database gave (keyset), not after as many rows
    // as are shown: rows added or removed here meanwhile do not shift the page.
    const std::optional<Destination> after = m_lastFetched;
    setLoading(true);
    m_service->post<QList<Destination>>(
        this, [=](Database& db) { return DestinationRepository(db).list(limit, after); },
        [this, generation, limit](Result<QList<Destination>> r) {
            if (generation != m_generation)
                return;
            const auto done = qScopeGuard([this] { setLoading(false); });
            if (!r.ok()) {
                Q_EMIT errorOccurred(r.error().message);
                return;
            }
            m_atEnd = r.value().size() < limit;
            if (!r.value().isEmpty())
                m_lastFetched = r.value().constLast();
            QList<Destination> fresh;
            for (Destination& d : r.value())
                if (rowOf(d.id) < 0)
                    fresh << std::move(d);
            if (fresh.isEmpty())
                return;
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
            m_rows.append(fresh);
            endInsertRows();
        });
}

int DestinationTableModel::rowOf(Id id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int DestinationTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DestinationTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DestinationTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Destination& d = m_rows.at(index.row());
    if (role == IdRole)
        return d.id;
    if (role == Qt::ToolTipRole && !d.description.isEmpty())
        return d.description.left(500);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn:
        return d.name;
    case CityColumn:
        return d.city;
    case CountryColumn:
        return d.country;
    case BestTimeColumn:
        return d.bestTimeToVisit;
    case CostColumn:
        return d.averageCostPerDay ? d.averageCostPerDay->toString() : QString();
    case CoordinatesColumn:
        return d.hasCoordinates() ? tr("%1, %2").arg(d.latitude->toString(), d.longitude->toString())
                                  : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DestinationTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case CityColumn:
        return tr("City");
    case CountryColumn:
        return tr("Country");
    case BestTimeColumn:
        return tr("Best time to visit");
    case CostColumn:
        return tr("Cost per day");
    case CoordinatesColumn:
        return tr("Coordinates");
    case ColumnCount:
        break;
    }
    return {};
}

void DestinationTableModel::applyInserted(const Destination& d) {
    if (!m_search.isEmpty())
        return; // the search results are the database's; a new entry shows after the next search
    const auto it = std::partition_point(m_rows.cbegin(), m_rows.cend(),
                                         [&](const Destination& row) { return orderedBefore(row, d); });
    const int pos = int(it - m_rows.cbegin());
    if (pos == m_rows.size() && !m_atEnd)
        return;
    beginInsertRows({}, pos, pos);
    m_rows.insert(pos, d);
    endInsertRows();
}

namespace {
Destination writeDestination(Database& db, const Destination& d,
                             const DestinationTableModel::AlsoInTransaction& also) {
    return db.transaction([&] {
        DestinationRepository repo(db);
        const Destination written = d.id ? repo.update(d) : repo.create(d);
        if (also)
            also(db, written);
        return written;
    });
}
} // namespace

void DestinationTableModel::createDestination(const Destination& draft, Callback done,
                                              AlsoInTransaction also) {
    m_service->post<Destination>(
        this, [=](Database& db) { return writeDestination(db, draft, also); },
        [this, done](Result<Destination> r) {
            if (r.ok())
                applyInserted(r.value());
            if (done)
                done(std::move(r));
        });
}

void DestinationTableModel::updateDestination(const Destination& destination, Callback done,
                                              AlsoInTransaction also) {
    m_service->post<Destination>(
        this, [=](Database& db) { return writeDestination(db, destination, also); },
        [this, done](Result<Destination> r) {
            if (r.ok()) {
                const int row = rowOf(r.value().id);
                if (row >= 0) {
                    beginRemoveRows({}, row, row);
                    m_rows.removeAt(row);
                    endRemoveRows();
                }
                applyInserted(r.value());
            }
            if (done)
                done(std::move(r));
        });
}

void DestinationTableModel::removeDestination(Id id, std::function<void(Result<void>)> done) {
    m_service->post<void>(
        this, [=](Database& db) { DestinationRepository(db).remove(id); },
        [this, id, done](Result<void> r) {
            if (r.ok()) {
                const int row = rowOf(id);
                if (row >= 0) {
                    beginRemoveRows({}, row, row);
                    m_rows.removeAt(row);
                    endRemoveRows();
                }
            }
            if (done)
                done(std::move(r));
        });
}

} // namespace tp
