// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreferencesStore.h"
#include "TestBackends.h"
#include "preferences/PreferencesDialog.h"
#include "repo/PreferencesRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::PreferencesDialog;

// The preferences dialog driven as a user would: it reads the user's row
// through the database thread, checks the budget as the user types, saves
// through the thread and shows the saved values when opened again.
class TestPreferences : public QObject {
    Q_OBJECT

    struct Fields {
        QPlainTextEdit* text;
        QLineEdit* min;
        QLineEdit* max;
        QSpinBox* group;
        QLabel* message;
        QPushButton* save;
    };
    static Fields fields(PreferencesDialog& d) {
        Fields f{d.findChild<QPlainTextEdit*>(u"preferencesText"_s),
                 d.findChild<QLineEdit*>(u"budgetMin"_s),
                 d.findChild<QLineEdit*>(u"budgetMax"_s),
                 d.findChild<QSpinBox*>(u"groupSize"_s),
                 d.findChild<QLabel*>(u"preferencesMessage"_s),
                 d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)};
        return f;
    }

private Q_SLOTS:
    void editSaveReload_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
    void editSaveReload() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        DatabaseService service(tmp.url(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), DatabaseService::State::Connected, 30000);
        auto db = tmp.connect();
        const User user = UserRepository(*db).create(u"alice"_s);

        {
            app::PreferencesStore store(&service, [id = user.id] { return id; });
            PreferencesDialog dialog(&store);
            const Fields f = fields(dialog);
            QVERIFY(f.text && f.min && f.max && f.group && f.message);
            QVERIFY(!f.save->isEnabled()); // nothing to save before the row is read
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTRY_VERIFY(f.save->isEnabled());
            QCOMPARE(f.group->value(), 2); // the seed's default
            QVERIFY(f.min->text().isEmpty());

            QTest::keyClicks(f.text, u"Slow mornings, food markets"_s);
            QTest::keyClicks(f.min, u"1500"_s);
            QTest::keyClicks(f.max, u"900"_s);
            // Minimum above maximum: refused, and said next to the fields.
            QVERIFY(!f.save->isEnabled());
            QVERIFY2(f.message->text().contains(u"less than the minimum"_s), qPrintable(f.message->text()));
            QVERIFY2(f.message->text().contains(u"Budget up to"_s), qPrintable(f.message->text()));
            QVERIFY(!f.message->text().contains(u"budget_max"_s)); // words, not column names
            f.max->clear();
            QTest::keyClicks(f.max, u"12.345"_s); // three decimals
            QVERIFY(!f.save->isEnabled());
            QVERIFY(!f.message->text().isEmpty());
            f.max->clear();
            QTest::keyClicks(f.max, u"2500.50"_s);
            QVERIFY(f.save->isEnabled());
            QVERIFY(f.message->text().isEmpty());
            f.group->setValue(4);
            QTest::mouseClick(f.save, Qt::LeftButton);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(!dialog.isVisible());
        }

        // In the database.
        const UserPreferences saved = PreferencesRepository(*db, user.id).get();
        QCOMPARE(saved.preferencesText, u"Slow mornings, food markets"_s);
        QCOMPARE(saved.budgetMin->toString(), u"1500.00"_s);
        QCOMPARE(saved.budgetMax->toString(), u"2500.50"_s);
        QCOMPARE(saved.preferredGroupSize, 4);

        // Opened again: the saved values; Cancel changes nothing.
        {
            app::PreferencesStore store(&service, [id = user.id] { return id; });
            PreferencesDialog dialog(&store);
            dialog.show();
            const Fields f = fields(dialog);
            QTRY_COMPARE(f.max->text(), u"2500.50"_s);
            QCOMPARE(f.min->text(), u"1500.00"_s);
            QCOMPARE(f.text->toPlainText(), u"Slow mornings, food markets"_s);
            QCOMPARE(f.group->value(), 4);
            f.min->clear();
            QTest::keyClicks(f.min, u"10"_s);
            dialog.reject();
        }
        QCOMPARE(PreferencesRepository(*db, user.id).get().budgetMin->toString(), u"1500.00"_s);
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
