// Hidden mode for scripts/screenshots: renders every view of the window offscreen to PNG
// files from recorded snapshots or a live server.
#pragma once

#include <QStringList>

namespace dbt {

// args: everything after the program name, starting with --screenshot-dir DIR.
int runScreenshots(const QStringList& args);

} // namespace dbt
