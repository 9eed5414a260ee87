// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/ConversationRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractListModel>

namespace tp {

// One conversation's messages, oldest first, loaded in pages as the view
// scrolls (a 50,000-message conversation shows its first page at once).
class MessageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, IsUserRole, TimestampRole, ContentRole };

    explicit MessageListModel(DatabaseService* service, QObject* parent = nullptr);

    void setUserId(Id userId) { m_userId = userId; }
    // 0: no conversation (empty model). Reads the first page and the count.
    void setConversation(Id conversationId);
    // A conversation whose first page was read with something else (opening
    // the trip): shown at once, without reading it again.
    void setConversationPage(Id conversationId, int total, const QList<Message>& firstPage);
    // A conversation its first turn has just created: it has no rows to read
    // yet; the turn's messages are appended (appendMessage) as they come.
    void startConversation(Id conversationId);
    Id conversationId() const { return m_conversationId; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }

    // A message saved elsewhere (the engine): appended when the end is loaded.
    void appendMessage(const Message& message);
    Message messageAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalCountChanged(int total);
    void errorOccurred(const QString& message);

private:
    void setLoading(bool loading);

    DatabaseService* m_service;
    Id m_userId = 0;
    Id m_conversationId = 0;
    QList<Message> m_rows;
    int m_total = 0;
    int m_pageSize = 200;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace tp
