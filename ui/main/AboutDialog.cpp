// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"

#include "config/BuildInfo.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Trip Planner"));

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto* title = new QLabel(this);
    title->setObjectName(u"aboutVersion"_s);
    title->setTextFormat(Qt::RichText);
    title->setText(u"<h2>"_s + tr("Trip Planner") + u"</h2><p>"_s + versionText().toHtmlEscaped() +
                   u"</p><p>"_s + licenceText().toHtmlEscaped() + u"</p><p><a href=\""_s +
                   QString::fromLatin1(build::DocumentationUrl) + u"\">"_s + tr("Documentation") +
                   u"</a></p>"_s);
    title->setOpenExternalLinks(true);
    title->setTextInteractionFlags(Qt::TextBrowserInteraction);
    title->setWordWrap(true);
    header->addWidget(title, 1);
    layout->addLayout(header);

    // The attributions can grow with the data sets: they scroll rather than size the dialog.
    auto* attributions = new QTextBrowser(this);
    attributions->setObjectName(u"aboutAttributions"_s);
    attributions->setOpenExternalLinks(true);
    attributions->setHtml(attributionsHtml());
    attributions->setMinimumHeight(fontMetrics().lineSpacing() * 12);
    layout->addWidget(attributions, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 70, sizeHint().height());
}

QString AboutDialog::versionText() {
    return tr("Version %1, built with Qt %2, running on Qt %3.")
        .arg(QString::fromLatin1(build::Version), QString::fromLatin1(QT_VERSION_STR),
             QString::fromLatin1(qVersion()));
}

QString AboutDialog::licenceText() {
    return tr("Free software under the GNU General Public License, version 3 or any later version "
              "(GPL-3.0-or-later). There is no warranty.");
}

QString AboutDialog::attributionsHtml() {
    // One entry per bundled data set or online service; the wording follows
    // each source's own attribution request (see resources/*/SOURCES.md).
    const QString items[] = {
        tr("This product includes data from <a href=\"https://www.geonames.org/\">GeoNames</a>, "
           "licensed under <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>: "
           "the offline gazetteer (towns of 15,000 people or more, filtered and reformatted) and the "
           "coordinates of the planner's catalogue."),
        tr("Made with <a href=\"https://www.naturalearthdata.com/\">Natural Earth</a>. Free vector and "
           "raster map data @ naturalearthdata.com (public domain): the map's country outlines."),
        tr("Airports: <a href=\"https://ourairports.com/data/\">OurAirports</a> (public domain). "
           "Time zones: <a href=\"https://github.com/opentraveldata/opentraveldata\">Open Travel Data "
           "(OPTD)</a>, CC BY 4.0, completed from the IANA time zone database (public domain)."),
        tr("Online map tiles, when enabled: © <a href=\"https://www.openstreetmap.org/copyright\">"
           "OpenStreetMap contributors</a> (ODbL); the map shows this attribution while tiles are "
           "displayed."),
        tr("Online place search, when enabled: <a href=\"https://nominatim.openstreetmap.org/\">"
           "Nominatim</a>, data © <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap "
           "contributors</a> (ODbL)."),
        tr("Built on <a href=\"https://www.qt.io/\">Qt</a> (LGPL-3.0), "
           "<a href=\"https://github.com/frankosterfeld/qtkeychain\">QtKeychain</a> (BSD-2-Clause), "
           "<a href=\"https://www.postgresql.org/\">libpq</a> (PostgreSQL licence), "
           "<a href=\"https://www.openssl.org/\">OpenSSL</a> (Apache-2.0) and "
           "<a href=\"https://www.sqlite.org/\">SQLite</a> (public domain)."),
    };
    QString html = u"<h3>"_s + tr("Data and services") + u"</h3><ul>"_s;
    for (const QString& item : items)
        html += u"<li>"_s + item + u"</li>"_s;
    return html + u"</ul>"_s;
}

void addHelpMenu(QMainWindow* window) {
    QMenu* help = window->menuBar()->addMenu(AboutDialog::tr("He&lp"));
    help->setObjectName(u"helpMenu"_s);
    QAction* docs = help->addAction(AboutDialog::tr("&Documentation"), window, [] {
        QDesktopServices::openUrl(QUrl(QString::fromLatin1(build::DocumentationUrl)));
    });
    docs->setObjectName(u"actionDocumentation"_s);
    docs->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction* about = help->addAction(AboutDialog::tr("&About Trip Planner"), window, [window] {
        AboutDialog dialog(window);
        dialog.exec();
    });
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(AboutDialog::tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(u"actionAboutQt"_s);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

} // namespace tp::ui
