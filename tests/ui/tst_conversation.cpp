// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"
#include "TestBackends.h"
#include "Workspace.h"
#include "conversation/ConversationPanel.h"
#include "conversation/SafeMarkdown.h"
#include "main/Confirm.h"
#include "repo/ConversationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QLabel>
#include <QListView>
#include <QTcpServer>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::ConversationPanel;

// Receives what QDesktopServices::openUrl would hand to the browser.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened << url; }
};

// The conversation panel's Markdown: links show their target and open only on
// a click the user confirms; nothing remote is fetched, raw HTML is not run.
class TestConversation : public QObject {
    Q_OBJECT

    QTcpServer m_trap; // a remote resource pointed here would connect to it
    UrlCatcher m_catcher;

    QString trapUrl(const QString& path) const {
        return u"http://127.0.0.1:%1/%2"_s.arg(m_trap.serverPort()).arg(path);
    }

    // A point of the viewport over the link to `target`, found by asking for tooltips.
    static QPoint findLink(QListView* view, const QModelIndex& index, const QString& target) {
        const QRect rect = view->visualRect(index);
        QToolTip::hideText();
        for (int y = rect.top(); y < rect.bottom(); y += 2)
            for (int x = rect.left(); x < rect.right(); x += 3) {
                const QPoint p(x, y);
                QHelpEvent help(QEvent::ToolTip, p, view->viewport()->mapToGlobal(p));
                QApplication::sendEvent(view->viewport(), &help);
                if (QToolTip::isVisible() && QToolTip::text() == target)
                    return p;
            }
        return {-1, -1};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_trap.listen(QHostAddress::LocalHost, 0));
        for (const char* scheme : {"http", "https", "mailto", "file", "javascript"})
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &m_catcher, "open");
    }
    void cleanupTestCase() {
        for (const char* scheme : {"http", "https", "mailto", "file", "javascript"})
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    }

    // The document itself: no resource is loaded, raw HTML is dropped.
    void safeDocument() {
        ui::SafeMarkdownDocument doc;
        doc.setSafeMarkdown(u"Look: ![x](%1)\n\n<img src=\"%2\"> <script>alert(1)</script> **bold** "
                            u"[site](https://example.org/a)"_s.arg(trapUrl(u"x.png"_s), trapUrl(u"y.png"_s)));
        doc.setTextWidth(400);
        doc.documentLayout()->documentSize(); // lays out, which asks for the image
        QVERIFY(doc.resource(QTextDocument::ImageResource, QUrl(trapUrl(u"x.png"_s))).isNull());
        // Raw HTML is not interpreted: at most shown as text, never an image or a script.
        QStringList images;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isImageFormat())
                    images << it.fragment().charFormat().toImageFormat().name();
        QCOMPARE(images, QStringList{trapUrl(u"x.png"_s)}); // the Markdown image, as a placeholder
        QVERIFY(!doc.toHtml().contains(u"<script"_s));
        QVERIFY(!doc.toHtml().contains(u"<img src=\"%1"_s.arg(trapUrl(u"y.png"_s))));
        QVERIFY(doc.toPlainText().contains(u"bold"_s));
        QVERIFY(ui::SafeMarkdownDocument::isOpenableLink(QUrl(u"https://example.org/a"_s)));
        QVERIFY(!ui::SafeMarkdownDocument::isOpenableLink(QUrl(u"javascript:alert(1)"_s)));
        QVERIFY(!ui::SafeMarkdownDocument::isOpenableLink(QUrl(u"file:///etc/passwd"_s)));
        // A fetch would connect from Qt's network thread at some later moment;
        // that nothing arrives can only be shown over a bounded time, so this
        // wait is the observation itself, not a synchronisation.
        QTest::qWait(200);
        QVERIFY(!m_trap.hasPendingConnections());
    }

    void linksInThePanel() {
        test::TempDatabase tmp(u"sqlite"_s);
        DatabaseService service(tmp.url(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), DatabaseService::State::Connected, 30000);
        auto db = tmp.connect();
        const User user = UserRepository(*db).create(u"alice"_s);
        Trip draft;
        draft.title = u"Porto"_s;
        const Trip trip = TripRepository(*db, user.id).create(draft);
        ConversationRepository conversations(*db, user.id);
        const Id conversation = conversations.ensureForTrip(trip.id).first.id;
        conversations.addMessage(conversation, true, u"Somewhere with tiles and port wine?"_s);
        conversations.addMessage(
            conversation, false,
            u"Porto fits. See [the guide](https://example.org/porto) and ![map](%1).\n\n"
            u"<img src=\"%2\"> Avoid [this](javascript:alert(1)) and [that](file:///etc/passwd)."_s.arg(
                trapUrl(u"map.png"_s), trapUrl(u"raw.png"_s)));

        app::Workspace workspace(&service, user.username);
        workspace.adoptUser(user);
        ConversationPanel panel(&workspace);
        panel.resize(700, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showTrip(TripRepository(*db, user.id).open(trip.id));
        auto* view = panel.findChild<QListView*>(u"messages"_s);
        QTRY_COMPARE(panel.messages()->rowCount(), 2);
        const QModelIndex planner = panel.messages()->index(1, 0);
        // Laid out (the delegate finds links in the row's rectangle).
        QTRY_VERIFY(!view->visualRect(planner).isEmpty());

        // Hovering shows where a link goes; nothing is opened by showing or hovering.
        // (findLink once only: a tooltip hides after a delay, so a second call
        // straight after would find the first one's tooltip at its first point.)
        const QPoint guide = findLink(view, planner, u"https://example.org/porto"_s);
        QVERIFY2(guide.x() >= 0, "no tooltip with the link's target over the message");
        QVERIFY(m_catcher.opened.isEmpty());
        QTest::mouseMove(view->viewport(), guide);
        QCoreApplication::processEvents(); // whatever the move caused has been handled
        QVERIFY(m_catcher.opened.isEmpty());

        // A click asks first; declined, nothing opens.
        ui::Confirm::setNextAnswer(false);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, guide);
        QVERIFY(ui::Confirm::lastQuestion().contains(u"https://example.org/porto"_s));
        QVERIFY(m_catcher.opened.isEmpty());
        // Confirmed, the browser gets exactly that address.
        ui::Confirm::setNextAnswer(true);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, guide);
        QCOMPARE(m_catcher.opened, QList<QUrl>{QUrl(u"https://example.org/porto"_s)});

        // Links of other schemes are shown, never opened, and the panel says so.
        for (const QString& target : {u"javascript:alert(1)"_s, u"file:///etc/passwd"_s}) {
            const QPoint p = findLink(view, planner, target);
            QVERIFY2(p.x() >= 0, qPrintable(target));
            ui::Confirm::lastQuestion().clear();
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, p);
            QVERIFY(ui::Confirm::lastQuestion().isEmpty());
            QVERIFY(panel.findChild<QLabel*>(u"inputNote"_s)->text().contains(u"not opened"_s));
        }
        QCOMPARE(m_catcher.opened.size(), 1);

        // A click on plain text opens nothing.
        const QRect bubble = view->visualRect(panel.messages()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, bubble.center());
        QCOMPARE(m_catcher.opened.size(), 1);

        // The image and the raw <img> were never fetched.
        view->viewport()->repaint();
        QTest::qWait(300); // the observation window, as in safeDocument()
        QVERIFY(!m_trap.hasPendingConnections());
    }
};

QTEST_MAIN(TestConversation)
#include "tst_conversation.moc"
