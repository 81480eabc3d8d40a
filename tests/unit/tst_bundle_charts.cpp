// Headless chart rendering (diagnostics_render) under QT_QPA_PLATFORM=offscreen: the PNGs
// decode, the SVG parses, sizes are sane and bounded for a huge pile-up, and the charts go
// into a bundle.
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "render/charts.h"
#include "tst_bundle_fixture.h"

#include <QGuiApplication>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace dbt;

namespace {

// Pixels that are neither white nor near-white: something was drawn.
int inkedPixels(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() < 200 || c.green() < 200 || c.blue() < 200)
                ++n;
        }
    }
    return n;
}

bool svgParses(const QByteArray& svg, QString* error) {
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        *error = xml.errorString();
    return !xml.hasError();
}

} // namespace

class TestBundleCharts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen")); }

    void connectionsChart() {
        const QByteArray png = render::connectionsChartPng(fixture::samples());
        QVERIFY(png.startsWith("\x89PNG"));
        const QImage image = QImage::fromData(png, "PNG");
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1000, 480));
        QVERIFY(inkedPixels(image) > 2000);

        const std::vector<SnapshotPtr> one{std::make_shared<const Snapshot>(fixture::snapshot())};
        const QImage single = QImage::fromData(render::connectionsChartPng(one, {640, 360}), "PNG");
        QCOMPARE(single.size(), QSize(640, 360));
        QVERIFY(inkedPixels(single) > 500);

        QVERIFY(!QImage::fromData(render::connectionsChartPng({}), "PNG").isNull());
    }

    void lockGraph() {
        const Snapshot s = fixture::snapshot();
        const QByteArray svg = render::lockGraphSvg(s);
        QString error;
        QVERIFY2(svgParses(svg, &error), qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        const QSize size = renderer.defaultSize();
        QVERIFY2(size.width() >= 720 && size.width() < 4000,
                 qPrintable(QString::number(size.width())));
        QVERIFY2(size.height() >= 150 && size.height() < 4000,
                 qPrintable(QString::number(size.height())));
        QVERIFY(svg.contains("pid 4242 · blocks 5 sessions"));
        QVERIFY(svg.contains("idle in transaction for 12 min · billing-worker"));
        QVERIFY(svg.contains("RowExclusiveLock on public.orders"));
        QVERIFY(svg.contains("pid 5003"));

        const QImage png = QImage::fromData(render::lockGraphPng(s), "PNG");
        QVERIFY(!png.isNull());
        QCOMPARE(png.size(), size);
        QVERIFY(inkedPixels(png) > 1000);
    }

    void lockGraphWithoutWaits() {
        Snapshot s = fixture::snapshot();
        s.lockWaits.clear();
        s.rootBlockers.clear();
        const QByteArray svg = render::lockGraphSvg(s);
        QVERIFY(QSvgRenderer(svg).isValid());
        QVERIFY(svg.contains("No session waited for a lock"));
    }

    void hugePileUpStaysBounded() {
        Snapshot s = fixture::snapshot();
        s.lockWaits.clear();
        s.rootBlockers.clear();
        for (int r = 0; r < 300; ++r) {
            RootBlocker root;
            root.pid = 100000 + r;
            root.blockedTotal = 60;
            s.rootBlockers.push_back(root);
            for (int w = 0; w < 60; ++w)
                s.lockWaits.push_back(
                    fixture::wait(200000 + r * 100 + w, root.pid, "ShareLock", true));
        }
        const QByteArray svg = render::lockGraphSvg(s);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY2(renderer.defaultSize().height() < 6000,
                 qPrintable(QString::number(renderer.defaultSize().height())));
        QVERIFY(svg.contains("+ 292 more root blockers"));
        QVERIFY(svg.contains("+ 54 more waiting sessions"));
        QVERIFY(!QImage::fromData(render::lockGraphPng(s), "PNG").isNull());
    }

    void chartsInBundle() {
        BundleInput in;
        in.snapshot = fixture::snapshot();
        in.samples = fixture::samples();
        in.collection = fixture::collection();
        render::addCharts(in);
        QTemporaryDir tmp;
        const BundleWriteResult w = BundleWriter::write(in, tmp.filePath(QStringLiteral("b.zip")));
        QVERIFY2(w.ok(), qPrintable(w.error));
        const Bundle b = BundleReader::open(w.path);
        QVERIFY(b.verified());
        for (const char* name : {"charts/connections.png", "charts/lock-graph.png"})
            QVERIFY(!QImage::fromData(b.files.at(name), "PNG").isNull());
        QVERIFY(QSvgRenderer(b.files.at("charts/lock-graph.svg")).isValid());
        QVERIFY(b.files.at("README.md").contains("charts/lock-graph.svg"));
    }
};

QTEST_MAIN(TestBundleCharts)
#include "tst_bundle_charts.moc"
