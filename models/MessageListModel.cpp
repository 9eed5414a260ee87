// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
struct MessagePage {
    QList<Message> messages;
    int total = 0;
};
} // namespace

MessageListModel::MessageListModel(DatabaseService* service, QObject* parent)
    : QAbstractListModel(parent)
    , m_service(service) {}

void MessageListModel::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void MessageListModel::setConversation(Id conversationId) {
    const quint64 generation = ++m_generation;
    m_conversationId = conversationId;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    endResetModel();
    Q_EMIT totalCountChanged(0);
    if (conversationId == 0) {
        setLoading(false);
        return;
    }
    setLoading(true);
    const Id user = m_userId;
    const int limit = m_pageSize;
    m_service->post<MessagePage>(
        this,
        [=](Database& db) {
            MessagePage page;
            std::tie(page.messages, page.total) =
                ConversationRepository(db, user).firstMessages(conversationId, limit);
            return page;
        },
        [this, generation](Result<MessagePage> r) {
            if (generation != m_generation)
                return;
            const auto done = qScopeGuard([this] { setLoading(false); });
            if (!r.ok()) {
                Q_EMIT errorOccurred(r.error().message);
                return;
            }
            m_total = r.value().total;
            if (!r.value().messages.isEmpty()) {
                beginInsertRows({}, 0, int(r.value().messages.size()) - 1);
                m_rows = std::move(r.value().messages);
                endInsertRows();
            }
            Q_EMIT totalCountChanged(m_total);
        });
}

void MessageListModel::setConversationPage(Id conversationId, int total, const QList<Message>& firstPage) {
    ++m_generation; // an answer still on its way for another page is dropped
    m_conversationId = conversationId;
    // Not loading before the reset: a view (or a tester) that asks for more
    // on the reset starts a fetch that must not be forgotten afterwards.
    setLoading(false);
    beginResetModel();
    m_rows = firstPage;
    m_total = qMax(total, int(firstPage.size()));
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_loading && m_conversationId != 0 && m_rows.size() < m_total;
}

void MessageListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    const quint64 generation = m_generation;
    const Id user = m_userId;
    const Id conversation = m_conversationId;
    const int limit = m_pageSize;
    // The next page starts after the last row shown (keyset), not at an offset.
    const std::optional<Id> after =
        m_rows.isEmpty() ? std::nullopt : std::optional<Id>(m_rows.constLast().id);
    setLoading(true);
    m_service->post<QList<Message>>(
        this,
        [=](Database& db) { return ConversationRepository(db, user).messages(conversation, limit, after); },
        [this, generation, limit](Result<QList<Message>> r) {
            if (generation != m_generation)
                return;
            const auto done = qScopeGuard([this] { setLoading(false); });
            if (!r.ok()) {
                Q_EMIT errorOccurred(r.error().message);
                return;
            }
            if (r.value().size() < limit)
                m_total = int(m_rows.size() + r.value().size());
            if (r.value().isEmpty())
                return;
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + r.value().size()) - 1);
            m_rows.append(r.value());
            endInsertRows();
        });
}

void MessageListModel::startConversation(Id conversationId) {
    ++m_generation; // an answer still on its way for another conversation is dropped
    m_conversationId = conversationId;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    endResetModel();
    setLoading(false);
    Q_EMIT totalCountChanged(0);
}

void MessageListModel::appendMessage(const Message& message) {
    if (message.conversationId != m_conversationId)
        return;
    ++m_total;
    if (m_rows.size() + 1 == m_total) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(message);
        endInsertRows();
    }
    Q_EMIT totalCountChanged(m_total);
}

int MessageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message& m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return m.content;
    case IdRole:
        return m.id;
    case IsUserRole:
        return m.isUser;
    case TimestampRole:
        return m.timestamp;
    case Qt::AccessibleTextRole:
        return (m.isUser ? tr("You: %1") : tr("Planner: %1")).arg(m.content.left(300));
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "messageId");
    names.insert(IsUserRole, "isUser");
    names.insert(TimestampRole, "timestamp");
    names.insert(ContentRole, "content");
    return names;
}

} // namespace tp
