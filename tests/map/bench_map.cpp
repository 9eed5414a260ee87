// SPDX-License-Identifier: GPL-3.0-or-later
// Frame time of the map with many markers, rendered offscreen into a QImage
// while panning and zooming, and the memory it takes.
//
//   QT_QPA_PLATFORM=offscreen build-map/tests/map/bench_map [markers=50000] [width=1280] [height=800]
#include "geo/Gazetteer.h"
#include "map/MapWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

long statusKb(const char* field) {
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

struct Stats {
    double mean = 0, p95 = 0, max = 0;
    int frames = 0;
};

Stats stats(std::vector<double> ms) {
    Stats s;
    if (ms.empty())
        return s;
    s.frames = int(ms.size());
    s.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
    std::sort(ms.begin(), ms.end());
    s.p95 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))];
    s.max = ms.back();
    return s;
}

void print(const char* phase, const Stats& s) {
    std::printf("%-34s frames %4d   mean %6.2f ms   p95 %6.2f ms   max %6.2f ms\n", phase, s.frames, s.mean,
                s.p95, s.max);
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int markers = argc > 1 ? std::atoi(argv[1]) : 50000;
    const int width = argc > 2 ? std::atoi(argv[2]) : 1280;
    const int height = argc > 3 ? std::atoi(argv[3]) : 800;

    const long rssStart = statusKb("VmRSS:");
    // Destinations around real places (the gazetteer's cities), as a catalogue would be.
    const auto& gaz = tp::geo::Gazetteer::instance();
    const QList<tp::geo::Place> seeds = [&] {
        QList<tp::geo::Place> out;
        for (const char* name :
             {"Paris", "London", "Rome", "Tokyo", "New York", "Sydney", "Cairo", "Lima", "Delhi", "Beijing",
              "Moscow", "Nairobi", "Mexico City", "Sao Paulo", "Bangkok", "Istanbul"}) {
            const auto c = gaz.candidates(QString::fromUtf8(name));
            if (!c.isEmpty())
                out.append(c.first());
        }
        return out;
    }();
    const long rssData = statusKb("VmRSS:");
    QRandomGenerator rng(7);
    QList<tp::Destination> list;
    list.reserve(markers);
    for (int i = 0; i < markers; ++i) {
        double lat, lon;
        if (i % 4 == 0) { // scattered
            lat = rng.bounded(130.0) - 55;
            lon = rng.bounded(360.0) - 180;
        } else { // around a city, within a few degrees
            const auto& s = seeds[i % seeds.size()];
            lat = std::clamp(s.lat + (rng.generateDouble() - 0.5) * 6, -80.0, 80.0);
            lon = std::clamp(s.lon + (rng.generateDouble() - 0.5) * 8, -179.9, 179.9);
        }
        tp::Destination d;
        d.id = i + 1;
        d.name = u"Destination %1"_s.arg(i);
        d.country = u"Somewhere"_s;
        d.latitude = tp::Decimal::parse(QString::number(lat, 'f', 6), 9, 6);
        d.longitude = tp::Decimal::parse(QString::number(lon, 'f', 6), 9, 6);
        list.append(d);
    }
    const long rssList = statusKb("VmRSS:");

    tp::ui::MapWidget map;
    map.resize(width, height);
    QElapsedTimer t;
    t.start();
    map.setDestinations(list);
    const qint64 setMs = t.elapsed();
    list.clear();
    list.squeeze();
    const long rssMarkers = statusKb("VmRSS:");
    map.setSelectedDestination(1234);

    QImage frame(width, height, QImage::Format_ARGB32_Premultiplied);
    auto render = [&](std::vector<double>& out) {
        QElapsedTimer ft;
        ft.start();
        map.render(&frame);
        out.push_back(double(ft.nsecsElapsed()) / 1e6);
    };

    std::printf("markers %d, viewport %dx%d, build %s\n", markers, width, height,
#ifdef NDEBUG
                "release"
#else
                "debug"
#endif
    );
    std::printf("setDestinations: %lld ms (clusters: %zu KB)\n", setMs, map.clusterMemoryBytes() / 1024);

    std::vector<double> all, pan, zoom, panDeep;
    // 1. Pan around the world at zoom 3 (two turns eastwards, a bit of north/south).
    map.setZoom(3);
    map.setCenter({0, 20});
    for (int i = 0; i < 400; ++i) {
        map.panBy({24, (i / 50 % 2) ? 3.0 : -3.0});
        render(pan);
    }
    // 2. Zoom in continuously around Europe from the world to street level and back.
    map.setCenter({8, 48});
    map.setZoom(2);
    const QPointF anchor(width * 0.4, height * 0.6);
    for (int i = 0; i < 170; ++i) {
        map.zoomAround(0.1, anchor);
        render(zoom);
    }
    for (int i = 0; i < 170; ++i) {
        map.zoomAround(-0.1, anchor);
        render(zoom);
    }
    // 3. Pan at zoom 9 over a dense area (new basemap tiles keep appearing).
    map.setZoom(9);
    map.setCenter({2.35, 48.85});
    for (int i = 0; i < 300; ++i) {
        map.panBy({(i / 60 % 2) ? -30.0 : 30.0, (i / 30 % 2) ? 20.0 : -20.0});
        render(panDeep);
    }
    for (auto* v : {&pan, &zoom, &panDeep})
        all.insert(all.end(), v->begin(), v->end());

    print("pan, zoom 3 (world)", stats(pan));
    print("zoom 2 -> 19 -> 2 around cursor", stats(zoom));
    print("pan, zoom 9 (dense area)", stats(panDeep));
    print("all frames", stats(all));
    // The frames that find nothing cached: the very first, and the jump to zoom 9.
    std::printf("cold frames: first %.2f ms, after the jump to zoom 9 %.2f ms\n", pan.front(),
                panDeep.front());
    const long rssEnd = statusKb("VmRSS:");
    std::printf(
        "memory (VmRSS): start %ld KB, +data %ld KB, +50k destinations list %ld KB, after setDestinations "
        "%ld KB, after frames %ld KB, peak (VmHWM) %ld KB\n",
        rssStart, rssData, rssList, rssMarkers, rssEnd, statusKb("VmHWM:"));
    std::printf("map-owned memory: clusters %zu KB, basemap tile cache %lld KB\n",
                map.clusterMemoryBytes() / 1024, map.basemapCacheBytes() / 1024);
    return 0;
}
