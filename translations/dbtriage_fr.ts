<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QWidget</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a senior to review and run; dbtriage never runs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::MainWindow</name>
    <message>
        <source>dbtriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an evidence bundle (.zip or directory) written by Export evidence or dbtriage collect --out (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sampling; the panels keep the last data (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a sample now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About dbtriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About dbtriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;dbtriage&lt;/b&gt; %1&lt;br&gt;Query and lock diagnostics for PostgreSQL, MySQL and MariaDB. Read-only: it never changes data or schema, and it shows commands for a senior to run, never runs them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dbtriage snapshots (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence bundles (*.zip manifest.json snapshot.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a recording, not live data. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle %1, %2 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (recording) — dbtriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (recording, UNVERIFIED) — dbtriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the password from the desktop keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — dbtriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, 1 sample recorded at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 samples up to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  · %2 critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  · %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::ConnectDialog</name>
    <message>
        <source>&amp;Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URI or connection string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember in the desktop &amp;keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. orders-prod-replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MySQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MariaDB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>localhost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a monitoring role, e.g. with pg_monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://monitor@db1/app, host=db1 dbname=app, service=prod, mysql://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: use ~/.pgpass, PGPASSWORD, the service file or ~/.my.cnf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no keyring support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dbtriage never writes a password to its settings or any file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>driver default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file (sslrootcert / ssl-ca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet: fill in the form and save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the desktop keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty target: libpq&apos;s defaults (PGHOST, PGUSER, …) apply.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::ConnectionChart</name>
    <message>
        <source>Connections by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No samples yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart fills as samples arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 connection now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connections now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trend appears from the second sample on; the chart fills as samples arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak %1 of %2 usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usable maximum (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::LockGraphScene</name>
    <message>
        <source>dbtriage lock graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait-for graph: root blockers on the left, waiters to the right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::LockNodeItem</name>
    <message>
        <source>+%1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for a %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIDs %1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · lock cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · root blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · blocks %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(session details not reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::LocksView</name>
    <message>
        <source>Find PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fold waiters above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sibling sessions waiting the same way on the same object are drawn as one box when there are more than this many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lock waits right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session waits on another session&apos;s lock in this sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock waits could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 root blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 root blockers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 folded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 more blockers not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export lock graph as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export lock graph as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::OverviewView</name>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting on locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle in transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temp files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O) to see its findings here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs attention in the latest sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections, locks, long transactions and idle sessions look normal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings: %1 critical, %2 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 usable (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lock waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind 1 root blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind %1 root blockers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oldest open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no open transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since stats reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file since stats reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files since stats reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::PasswordStore</name>
    <message>
        <source>The desktop keyring could not be read (%1); trying ~/.pgpass, PGPASSWORD and ~/.my.cnf instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no keyring support; using ~/.pgpass, PGPASSWORD and ~/.my.cnf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored in the desktop keyring (%1); it is used for this connection only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no keyring support; the password is used for this connection only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::SessionsView</name>
    <message>
        <source>Show &amp;idle sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by user, database, application, state, client, PID or query text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As Markdown table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected sessions (all shown when none is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Markdown table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session to see its whole query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions in this sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported no client sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The only session is idle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 sessions are idle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick &quot;Show idle sessions&quot; to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session in this sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions in this sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter or tick &quot;Show idle sessions&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID %1 · %2%3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID %1 (%2 on %3%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, queued ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction open for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks 1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks %1 sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> as a root blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no query text)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::StatusArea</name>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MySQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MariaDB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1; nothing is sampled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server with Ctrl+N, or open a snapshot file with Ctrl+O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data from just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data from %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has not answered for a while; the panels show the last data it sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dbt::gui::TopQueriesView</name>
    <message>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by statement text, database or user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes with the explain view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top %1 by total time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a statement to see its text and its figures over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work done between %1 and %2 (%3): deltas between samples, not counters since the last reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected for less than the window; it fills as samples arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work done between %1 and %2, as recorded in the snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sample so far: counters since the last statistics reset. The window&apos;s deltas appear from the next sample on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement statistics are not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statement ran in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a longer window, or wait for the next samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statement statistics in this sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statement selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 total (%2 of all statements&apos; time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache hit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 written to temp files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows examined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls without an index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(text not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures over time appear after a few samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over time (per sample interval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
