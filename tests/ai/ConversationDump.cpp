// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationDump.h"

using namespace Qt::StringLiterals;

namespace tp::test {

QString dumpConversationTables(Database& db) {
    const QStringList queries = {
        u"SELECT id, status, destination_id, updated_at FROM api_trip ORDER BY id"_s,
        u"SELECT id, trip_id, created_at FROM destination_search_tripconversation ORDER BY id"_s,
        u"SELECT id, conversation_id, is_user, content, timestamp FROM destination_search_message ORDER BY id"_s,
        u"SELECT id, conversation_id, locations, created_at FROM destination_search_recommendations ORDER BY id"_s,
        u"SELECT id, conversation_id, current_stage, user_info, question_queue, current_question_index, "
        u"destinations_text, questions_asked, total_questions, updated_at FROM "
        u"destination_search_conversationstate "
        u"ORDER BY id"_s,
        u"SELECT id, trip_id, current_stage, is_active, stages_completed, completed_at FROM "
        u"api_planningsession "
        u"ORDER BY id"_s,
        u"SELECT id, name, country, latitude, longitude FROM api_destination ORDER BY id"_s,
        u"SELECT id, user_id, preferences_text, updated_at FROM api_userpreferences ORDER BY id"_s,
    };
    QString out;
    for (const QString& q : queries) {
        out += q.section(u" FROM "_s, 1).section(u' ', 0, 0) + u":\n"_s;
        for (const SqlRow& r : db.query(q)) {
            QStringList cells;
            for (int i = 0; i < r.count(); ++i)
                cells << (r.isNull(i) ? u"NULL"_s : r.value(i).toString());
            out += u"  "_s + cells.join(u" | "_s) + u'\n';
        }
    }
    return out;
}

} // namespace tp::test
