// Headless charts for evidence bundles, drawn with QPainter on a QImage (PNG) or a
// QSvgGenerator (SVG): no widgets, no display. They need a QGuiApplication; on a machine
// without a display call useOffscreenPlatformIfHeadless() before constructing it (the CLI does).
#pragma once

#include "bundle/bundlewriter.h"
#include "snapshot.h"

#include <QByteArray>
#include <QSize>
#include <vector>

namespace dbt::render {

// Selects Qt's "offscreen" platform unless QT_QPA_PLATFORM is set: a headless subcommand
// never needs a display, and a stale DISPLAY (ssh -X to a bastion host) must not stop it.
// Call before the QGuiApplication is constructed.
void useOffscreenPlatform();

// Connections by state over the samples (stacked), against the usable maximum and
// max_connections. One sample is drawn as one stacked bar.
QByteArray connectionsChartPng(const std::vector<SnapshotPtr>& samples, QSize size = {1000, 480});

struct LockGraphOptions {
    int maxRoots = 8;    // root blockers drawn; the rest are summed up in one box
    int maxChildren = 6; // waiters drawn under one session; the rest in one "+N more" box
    int maxDepth = 4;    // levels of waiters below a root
    int maxNodes = 80;   // boxes in all
};

// Root blockers on the left, the sessions waiting on them to the right, layer by layer.
QByteArray lockGraphSvg(const Snapshot& snapshot, const LockGraphOptions& options = {});
QByteArray lockGraphPng(const Snapshot& snapshot, const LockGraphOptions& options = {});

// Adds charts/connections.png, charts/lock-graph.svg and charts/lock-graph.png to the input.
void addCharts(BundleInput& input);

} // namespace dbt::render
