<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Bundle</name>
    <message>
        <source>Recording from %1 of %2</source>
        <translation>Aufzeichnung vom %1 von %2</translation>
    </message>
    <message>
        <source> (written by dbtriage %1)</source>
        <translation> (geschrieben von dbtriage %1)</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>Nächster Schritt: %1</translation>
    </message>
    <message>
        <source>For a senior to review and run; dbtriage never runs it.</source>
        <translation>Zur Prüfung und Ausführung durch eine erfahrene Kollegin oder einen erfahrenen Kollegen; dbtriage führt es nie aus.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Befehl in die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>advise</name>
    <message>
        <source>Proposes indexes for the statements that cost most over a short window, validated with HypoPG where it is installed (heuristic otherwise), plus unused and redundant indexes. Read-only: nothing is created or dropped; the DDL is for you to review.</source>
        <translation>Schlägt Indizes für die teuersten Anweisungen eines kurzen Zeitfensters vor, geprüft mit HypoPG, wo es installiert ist (sonst heuristisch), dazu ungenutzte und redundante Indizes. Nur lesend: Nichts wird angelegt oder gelöscht; die DDL ist zu Ihrer Prüfung.</translation>
    </message>
    <message>
        <source>postgresql:// URI, libpq keyword string or service=NAME.</source>
        <translation>postgresql://-URI, libpq-Schlüsselwortzeichenfolge oder service=NAME.</translation>
    </message>
    <message>
        <source>Statements to consider (default 10).</source>
        <translation>Zu betrachtende Anweisungen (Vorgabe 10).</translation>
    </message>
    <message>
        <source>Advise for this one statement instead.</source>
        <translation>Stattdessen für diese eine Anweisung beraten.</translation>
    </message>
    <message>
        <source>Seconds between the two samples of the window (default 10).</source>
        <translation>Sekunden zwischen den zwei Stichproben des Zeitfensters (Vorgabe 10).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Timeout of each of the tool&apos;s statements, ms (default 5000).</source>
        <translation>Zeitlimit jeder Anweisung des Werkzeugs, ms (Vorgabe 5000).</translation>
    </message>
    <message>
        <source>Longest wait for another session&apos;s lock, ms (default 500).</source>
        <translation>Längste Wartezeit auf die Sperre einer anderen Sitzung, ms (Vorgabe 500).</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>dbtriage: unknown command &quot;%1&quot;.</source>
        <translation>dbtriage: unbekannter Befehl &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>collect</name>
    <message>
        <source>--out %1 is a directory; name a file ending in .zip.</source>
        <translation>--out %1 ist ein Verzeichnis; nennen Sie eine Datei mit der Endung .zip.</translation>
    </message>
    <message>
        <source>--out %1 exists and is not a directory; name a new directory or a file ending in .zip.</source>
        <translation>--out %1 existiert und ist kein Verzeichnis; nennen Sie ein neues Verzeichnis oder eine Datei mit der Endung .zip.</translation>
    </message>
    <message>
        <source>--out %1 is a directory that is not empty; name a new directory (dbtriage never writes into one that holds other files) or a file ending in .zip.</source>
        <translation>--out %1 ist ein Verzeichnis, das nicht leer ist; nennen Sie ein neues Verzeichnis (dbtriage schreibt nie in eines, das andere Dateien enthält) oder eine Datei mit der Endung .zip.</translation>
    </message>
    <message>
        <source>Samples a PostgreSQL, MySQL or MariaDB server read-only and prints a summary: connections, root blockers of lock waits, top statements and findings.</source>
        <translation>Tastet einen PostgreSQL-, MySQL- oder MariaDB-Server nur lesend ab und gibt eine Zusammenfassung aus: Verbindungen, Hauptblockierer von Sperrwartezeiten, Top-Anweisungen und Befunde.</translation>
    </message>
    <message>
        <source>postgresql:// URI, libpq keyword string, service=NAME, or mysql:// URI.</source>
        <translation>postgresql://-URI, libpq-Schlüsselwortzeichenfolge, service=NAME oder mysql://-URI.</translation>
    </message>
    <message>
        <source>Write an evidence bundle: a .zip file, or a new (or empty) directory.</source>
        <translation>Ein Beweis-Bundle schreiben: eine .zip-Datei oder ein neues (oder leeres) Verzeichnis.</translation>
    </message>
    <message>
        <source>A note for the bundle&apos;s README (ticket, what was seen).</source>
        <translation>Eine Notiz für die README des Bundles (Ticket, was zu sehen war).</translation>
    </message>
    <message>
        <source>Add the plans of the N costliest statements (not in this build yet).</source>
        <translation>Die Pläne der N teuersten Anweisungen hinzufügen (in dieser Version noch nicht).</translation>
    </message>
    <message>
        <source>Add index candidates (index-candidates.sql, commented, never executed).</source>
        <translation>Index-Kandidaten hinzufügen (index-candidates.sql, kommentiert, nie ausgeführt).</translation>
    </message>
    <message>
        <source>Number of samples (default 1).</source>
        <translation>Anzahl der Stichproben (Vorgabe 1).</translation>
    </message>
    <message>
        <source>Seconds between samples (default 2).</source>
        <translation>Sekunden zwischen den Stichproben (Vorgabe 2).</translation>
    </message>
    <message>
        <source>Print the snapshot as JSON.</source>
        <translation>Den Snapshot als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Keep literals in query texts (they may hold customers&apos; data).</source>
        <translation>Literale in Abfragetexten behalten (sie können Kundendaten enthalten).</translation>
    </message>
    <message>
        <source>Timeout of each of the tool&apos;s statements, ms (default 5000).</source>
        <translation>Zeitlimit jeder Anweisung des Werkzeugs, ms (Vorgabe 5000).</translation>
    </message>
    <message>
        <source>Longest wait for another session&apos;s lock, ms (default 500).</source>
        <translation>Längste Wartezeit auf die Sperre einer anderen Sitzung, ms (Vorgabe 500).</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage collect --help&quot; for the options.</source>
        <translation>Die Optionen zeigt &quot;dbtriage collect --help&quot;.</translation>
    </message>
    <message>
        <source>give exactly one CONNECTION, for example &quot;postgresql://monitor@db1/app&quot; or &quot;service=prod&quot;.</source>
        <translation>Geben Sie genau eine VERBINDUNG an, zum Beispiel &quot;postgresql://monitor@db1/app&quot; oder &quot;service=prod&quot;.</translation>
    </message>
    <message>
        <source>--samples takes a whole number from 1 up.</source>
        <translation>--samples erwartet eine ganze Zahl ab 1.</translation>
    </message>
    <message>
        <source>--interval takes seconds from 0.1 to 3600.</source>
        <translation>--interval erwartet Sekunden von 0.1 bis 3600.</translation>
    </message>
    <message>
        <source>--statement-timeout takes milliseconds from 100 to 600000.</source>
        <translation>--statement-timeout erwartet Millisekunden von 100 bis 600000.</translation>
    </message>
    <message>
        <source>--lock-timeout takes milliseconds from 10 to 60000.</source>
        <translation>--lock-timeout erwartet Millisekunden von 10 bis 60000.</translation>
    </message>
    <message>
        <source>--out needs a path.</source>
        <translation>--out braucht einen Pfad.</translation>
    </message>
    <message>
        <source>--explain-top takes a whole number from 1 to 100.</source>
        <translation>--explain-top erwartet eine ganze Zahl von 1 bis 100.</translation>
    </message>
    <message>
        <source>--note takes at most 4,000 characters.</source>
        <translation>--note nimmt höchstens 4.000 Zeichen.</translation>
    </message>
    <message>
        <source>--explain-top is not available in this build yet; the output has no plans.</source>
        <translation>--explain-top ist in dieser Version noch nicht verfügbar; die Ausgabe enthält keine Pläne.</translation>
    </message>
    <message>
        <source>no sample could be taken; nothing was written.</source>
        <translation>Es konnte keine Stichprobe genommen werden; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>charts need a QGuiApplication; the bundle has none.</source>
        <translation>Diagramme brauchen eine QGuiApplication; das Bundle enthält keine.</translation>
    </message>
    <message>
        <source>, query texts redacted</source>
        <translation>, Abfragetexte geschwärzt</translation>
    </message>
    <message>
        <source>, NOT redacted</source>
        <translation>, NICHT geschwärzt</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <source>Compares two recordings: statements whose time changed most, root blockers new or gone, connection counts before and after, settings that changed. B may be a live CONNECTION instead of a bundle: it is sampled now.</source>
        <translation>Vergleicht zwei Aufzeichnungen: Anweisungen, deren Zeit sich am stärksten geändert hat, neue oder verschwundene Hauptblockierer, Verbindungszahlen vorher und nachher, geänderte Einstellungen. B kann statt eines Bundles eine laufende VERBINDUNG sein: Sie wird jetzt abgetastet.</translation>
    </message>
    <message>
        <source>The earlier bundle.</source>
        <translation>Das frühere Bundle.</translation>
    </message>
    <message>
        <source>The later bundle, or a CONNECTION to sample now.</source>
        <translation>Das spätere Bundle oder eine jetzt abzutastende VERBINDUNG.</translation>
    </message>
    <message>
        <source>Samples of a live B (default 2).</source>
        <translation>Stichproben eines laufenden B (Vorgabe 2).</translation>
    </message>
    <message>
        <source>Seconds between samples of a live B (default 2).</source>
        <translation>Sekunden zwischen den Stichproben eines laufenden B (Vorgabe 2).</translation>
    </message>
    <message>
        <source>Statements to list (default 10).</source>
        <translation>Aufzulistende Anweisungen (Vorgabe 10).</translation>
    </message>
    <message>
        <source>Print the comparison as JSON.</source>
        <translation>Den Vergleich als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage compare --help&quot; for the options.</source>
        <translation>Die Optionen zeigt &quot;dbtriage compare --help&quot;.</translation>
    </message>
    <message>
        <source>give two bundles A and B, or a bundle A and a CONNECTION B.</source>
        <translation>Geben Sie zwei Bundles A und B an, oder ein Bundle A und eine VERBINDUNG B.</translation>
    </message>
    <message>
        <source>--samples takes a whole number from 1 to 1000.</source>
        <translation>--samples erwartet eine ganze Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <source>--interval takes seconds from 0.1 to 3600.</source>
        <translation>--interval erwartet Sekunden von 0.1 bis 3600.</translation>
    </message>
    <message>
        <source>--top takes a whole number from 1 to 1000.</source>
        <translation>--top erwartet eine ganze Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <source>B is neither a file nor a reachable server: %1</source>
        <translation>B ist weder eine Datei noch ein erreichbarer Server: %1</translation>
    </message>
    <message>
        <source>sampling %1 now (1 sample)</source>
        <translation>%1 wird jetzt abgetastet (1 Stichprobe)</translation>
    </message>
    <message>
        <source>sampling %1 now (%2 samples)</source>
        <translation>%1 wird jetzt abgetastet (%2 Stichproben)</translation>
    </message>
</context>
<context>
    <name>dbt::JobRunner</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cancelled: the connection changed before the job finished. Run it again.</source>
        <translation>Abgebrochen: Die Verbindung hat sich geändert, bevor der Auftrag fertig war. Starten Sie ihn erneut.</translation>
    </message>
    <message>
        <source>%1 failed unexpectedly: %2. Try again; if it keeps failing, report it with the bundle.</source>
        <translation>%1 ist unerwartet fehlgeschlagen: %2. Versuchen Sie es erneut; wenn es weiter fehlschlägt, melden Sie es mit dem Bundle.</translation>
    </message>
    <message>
        <source>%1 failed unexpectedly. Try again; if it keeps failing, report it with the bundle.</source>
        <translation>%1 ist unerwartet fehlgeschlagen. Versuchen Sie es erneut; wenn es weiter fehlschlägt, melden Sie es mit dem Bundle.</translation>
    </message>
    <message>
        <source>This needs a connection to a server: connect first (File → Connect…); a bundle or snapshot holds no live server.</source>
        <translation>Dafür ist eine Verbindung zu einem Server nötig: Verbinden Sie sich zuerst (Datei → Verbinden…); ein Bundle oder Snapshot enthält keinen laufenden Server.</translation>
    </message>
</context>
<context>
    <name>dbt::LockTreeModel</name>
    <message>
        <source>+%1 waiting</source>
        <translation>+%1 wartend</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 (queued behind)</source>
        <translation>%1 (wartet dahinter)</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weiterer</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>PID %1 (lock cycle)</source>
        <translation>PID %1 (Sperrzyklus)</translation>
    </message>
    <message>
        <source>PID %1 (root blocker)</source>
        <translation>PID %1 (Hauptblockierer)</translation>
    </message>
    <message>
        <source>PIDs %1</source>
        <translation>PIDs %1</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>hält %1</translation>
    </message>
    <message>
        <source>1 session waits behind this one</source>
        <translation>1 Sitzung wartet hinter dieser</translation>
    </message>
    <message>
        <source>%1 sessions wait behind this one</source>
        <translation>%1 Sitzungen warten hinter dieser</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Holds / query</source>
        <translation>Hält / Abfrage</translation>
    </message>
    <message numerus="yes">
        <source>also blocked by %n (PID %1)</source>
        <translation>
            <numerusform>auch blockiert von %n (PID %1)</numerusform>
            <numerusform>auch blockiert von %n (PIDs %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>dbt::MainWindow</name>
    <message>
        <source>dbtriage</source>
        <translation>dbtriage</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Top queries</source>
        <translation>Top-Abfragen</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Open snapshot…</source>
        <translation>Snapshot ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;bundle…</source>
        <translation>&amp;Bundle öffnen…</translation>
    </message>
    <message>
        <source>Open an evidence bundle (.zip or directory) written by Export evidence or dbtriage collect --out (Ctrl+Shift+O)</source>
        <translation>Ein Beweis-Bundle öffnen (.zip oder Verzeichnis), geschrieben von „Beweise exportieren“ oder dbtriage collect --out (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Sampling</source>
        <translation>&amp;Abtastung</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Pause sampling; the panels keep the last data (Ctrl+P)</source>
        <translation>Abtastung anhalten; die Ansichten behalten die letzten Daten (Strg+P)</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Take a sample now (F5)</source>
        <translation>Jetzt eine Stichprobe nehmen (F5)</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>Sampling interval</source>
        <translation>Abtastintervall</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Top queries</source>
        <translation>&amp;Top-Abfragen</translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation>Sp&amp;erren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About dbtriage</source>
        <translation>Ü&amp;ber dbtriage</translation>
    </message>
    <message>
        <source>About dbtriage</source>
        <translation>Über dbtriage</translation>
    </message>
    <message>
        <source>&lt;b&gt;dbtriage&lt;/b&gt; %1&lt;br&gt;Query and lock diagnostics for PostgreSQL, MySQL and MariaDB. Read-only: it never changes data or schema, and it shows commands for a senior to run, never runs them.</source>
        <translation>&lt;b&gt;dbtriage&lt;/b&gt; %1&lt;br&gt;Abfrage- und Sperrdiagnose für PostgreSQL, MySQL und MariaDB. Nur lesend: Es ändert nie Daten oder Schema, und es zeigt Befehle zur Ausführung durch Erfahrene, führt sie aber nie selbst aus.</translation>
    </message>
    <message>
        <source>Open snapshot</source>
        <translation>Snapshot öffnen</translation>
    </message>
    <message>
        <source>dbtriage snapshots (*.json);;All files (*)</source>
        <translation>dbtriage-Snapshots (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation>Bundle öffnen</translation>
    </message>
    <message>
        <source>Evidence bundles (*.zip manifest.json snapshot.json);;All files (*)</source>
        <translation>Beweis-Bundles (*.zip manifest.json snapshot.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>Nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>This is a recording, not live data. %1.</source>
        <translation>Dies ist eine Aufzeichnung, keine Live-Daten. %1.</translation>
    </message>
    <message>
        <source>bundle %1, %2 samples</source>
        <translation>Bundle %1, %2 Stichproben</translation>
    </message>
    <message>
        <source>bundle %1</source>
        <translation>Bundle %1</translation>
    </message>
    <message>
        <source>%1 (recording) — dbtriage</source>
        <translation>%1 (Aufzeichnung) — dbtriage</translation>
    </message>
    <message>
        <source>%1 (recording, UNVERIFIED) — dbtriage</source>
        <translation>%1 (Aufzeichnung, UNGEPRÜFT) — dbtriage</translation>
    </message>
    <message>
        <source>Reading the password from the desktop keyring…</source>
        <translation>Passwort wird aus dem Schlüsselbund des Desktops gelesen…</translation>
    </message>
    <message>
        <source>%1 — dbtriage</source>
        <translation>%1 — dbtriage</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>%1, 1 sample recorded at %2</source>
        <translation>%1, 1 Stichprobe aufgezeichnet um %2</translation>
    </message>
    <message>
        <source>%1, %2 samples up to %3</source>
        <translation>%1, %2 Stichproben bis %3</translation>
    </message>
    <message>
        <source>%1  · %2 critical</source>
        <translation>%1  · %2 kritisch</translation>
    </message>
    <message>
        <source>%1  · %2</source>
        <translation>%1  · %2</translation>
    </message>
    <message>
        <source>%1  · %2 waiting</source>
        <translation>%1  · %2 wartend</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The new language applies when dbtriage is started again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von dbtriage.</translation>
    </message>
    <message>
        <source>&amp;Export evidence…</source>
        <translation>Beweise &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write an evidence bundle of the recent samples with a note: a .zip or a directory to attach to a ticket (Ctrl+E)</source>
        <translation>Ein Beweis-Bundle der letzten Stichproben mit einer Notiz schreiben: eine .zip-Datei oder ein Verzeichnis zum Anhängen an ein Ticket (Strg+E)</translation>
    </message>
    <message>
        <source>Co&amp;mpare with bundle…</source>
        <translation>Mit Bundle &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Compare a bundle (before) with what the window shows now (after): statements, root blockers, connections, settings</source>
        <translation>Ein Bundle (vorher) mit dem vergleichen, was das Fenster jetzt zeigt (nachher): Anweisungen, Hauptblockierer, Verbindungen, Einstellungen</translation>
    </message>
    <message>
        <source>Compare with bundle</source>
        <translation>Mit Bundle vergleichen</translation>
    </message>
    <message>
        <source>There is nothing to compare with yet: connect to a server or open a bundle first.</source>
        <translation>Noch gibt es nichts zu vergleichen: Verbinden Sie sich zuerst mit einem Server oder öffnen Sie ein Bundle.</translation>
    </message>
    <message>
        <source>live window</source>
        <translation>Live-Fenster</translation>
    </message>
    <message>
        <source>shown snapshots</source>
        <translation>angezeigte Snapshots</translation>
    </message>
    <message>
        <source> (UNVERIFIED)</source>
        <translation> (UNGEPRÜFT)</translation>
    </message>
</context>
<context>
    <name>dbt::PlanModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Exclusive time</source>
        <translation>Eigene Zeit</translation>
    </message>
    <message>
        <source>Exclusive cost</source>
        <translation>Eigene Kosten</translation>
    </message>
    <message>
        <source>Inclusive time</source>
        <translation>Gesamtzeit inkl. Kinder</translation>
    </message>
    <message>
        <source>Inclusive cost</source>
        <translation>Gesamtkosten inkl. Kinder</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Rows planned → actual</source>
        <translation>Zeilen geplant → tatsächlich</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Schleifen</translation>
    </message>
    <message>
        <source>Buffers hit / read / temp</source>
        <translation>Puffer Treffer / gelesen / temporär</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>Underestimated: %1 more rows than planned</source>
        <translation>Unterschätzt: %1 Zeilen mehr als geplant</translation>
    </message>
    <message>
        <source>Overestimated: %1 fewer rows than planned</source>
        <translation>Überschätzt: %1 Zeilen weniger als geplant</translation>
    </message>
</context>
<context>
    <name>dbt::SessionsModel</name>
    <message>
        <source>%1 (%2 directly)</source>
        <translation>%1 (%2 direkt)</translation>
    </message>
    <message>
        <source>Time since the current query started</source>
        <translation>Zeit seit Beginn der aktuellen Abfrage</translation>
    </message>
    <message>
        <source>Time since the session entered this state</source>
        <translation>Zeit, seit die Sitzung in diesem Zustand ist</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Waits on</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blockierer</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
</context>
<context>
    <name>dbt::StatementsModel</name>
    <message>
        <source>(text not available, id %1)</source>
        <translation>(Text nicht verfügbar, ID %1)</translation>
    </message>
    <message>
        <source>%1 blocks of 8 KiB written to temporary files</source>
        <translation>%1 Blöcke zu 8 KiB in temporäre Dateien geschrieben</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Cache hit</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>Temp written</source>
        <translation>Temporär geschrieben</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>dbt::gui::CompareDialog</name>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Calls before</source>
        <translation>Aufrufe vorher</translation>
    </message>
    <message>
        <source>Calls after</source>
        <translation>Aufrufe nachher</translation>
    </message>
    <message>
        <source>Root blocker</source>
        <translation>Hauptblockierer</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Compare: %1 → %2</source>
        <translation>Vergleich: %1 → %2</translation>
    </message>
    <message>
        <source>Before: %1, %2 at %3.
After: %4, %5 at %6.</source>
        <translation>Vorher: %1, %2 um %3.
Nachher: %4, %5 um %6.</translation>
    </message>
    <message>
        <source>The two recordings are of different servers.</source>
        <translation>Die beiden Aufzeichnungen stammen von verschiedenen Servern.</translation>
    </message>
    <message>
        <source>[new] %1</source>
        <translation>[neu] %1</translation>
    </message>
    <message>
        <source>[gone] %1</source>
        <translation>[weg] %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>still there</source>
        <translation>noch da</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(nicht gelesen)</translation>
    </message>
    <message>
        <source>Statements (%1)</source>
        <translation>Anweisungen (%1)</translation>
    </message>
    <message>
        <source>Root blockers (%1 new, %2 gone)</source>
        <translation>Hauptblockierer (%1 neu, %2 weg)</translation>
    </message>
    <message>
        <source>Connections (%1 → %2)</source>
        <translation>Verbindungen (%1 → %2)</translation>
    </message>
    <message>
        <source>Settings changed (%1)</source>
        <translation>Geänderte Einstellungen (%1)</translation>
    </message>
    <message>
        <source>Statement figures: %1.</source>
        <translation>Kennzahlen der Anweisungen: %1.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::ConnectDialog</name>
    <message>
        <source>&amp;Fields</source>
        <translation>&amp;Felder</translation>
    </message>
    <message>
        <source>&amp;URI or connection string</source>
        <translation>&amp;URI oder Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>Remember in the desktop &amp;keyring</source>
        <translation>Im &amp;Schlüsselbund des Desktops merken</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Letzte Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>e.g. orders-prod-replica</source>
        <translation>z. B. orders-prod-replica</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>MySQL</source>
        <translation>MySQL</translation>
    </message>
    <message>
        <source>MariaDB</source>
        <translation>MariaDB</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>&amp;Datenbanksystem:</translation>
    </message>
    <message>
        <source>Connect by:</source>
        <translation>Verbinden über:</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>a monitoring role, e.g. with pg_monitor</source>
        <translation>eine Überwachungsrolle, z. B. mit pg_monitor</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>Be&amp;nutzer:</translation>
    </message>
    <message>
        <source>postgresql://monitor@db1/app, host=db1 dbname=app, service=prod, mysql://…</source>
        <translation>postgresql://monitor@db1/app, host=db1 dbname=app, service=prod, mysql://…</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>empty: use ~/.pgpass, PGPASSWORD, the service file or ~/.my.cnf</source>
        <translation>leer: ~/.pgpass, PGPASSWORD, die Service-Datei oder ~/.my.cnf verwenden</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>This build has no keyring support.</source>
        <translation>Diese Version unterstützt keinen Schlüsselbund.</translation>
    </message>
    <message>
        <source>dbtriage never writes a password to its settings or any file.</source>
        <translation>dbtriage schreibt nie ein Passwort in seine Einstellungen oder in eine Datei.</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>driver default</source>
        <translation>Vorgabe des Treibers</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>CA certificate file (sslrootcert / ssl-ca)</source>
        <translation>CA-Zertifikatsdatei (sslrootcert / ssl-ca)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Stammzertifikat:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sample &amp;every:</source>
        <translation>Stichprobe &amp;alle:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>(none yet: fill in the form and save)</source>
        <translation>(noch keine: Formular ausfüllen und speichern)</translation>
    </message>
    <message>
        <source>stored in the desktop keyring</source>
        <translation>im Schlüsselbund des Desktops gespeichert</translation>
    </message>
    <message>
        <source>Give the profile a name to save it.</source>
        <translation>Geben Sie dem Profil einen Namen, um es zu speichern.</translation>
    </message>
    <message>
        <source>Empty target: libpq&apos;s defaults (PGHOST, PGUSER, …) apply.</source>
        <translation>Leeres Ziel: Es gelten die Vorgaben von libpq (PGHOST, PGUSER, …).</translation>
    </message>
</context>
<context>
    <name>dbt::gui::ConnectionChart</name>
    <message>
        <source>Connections by state</source>
        <translation>Verbindungen nach Zustand</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>30 min</source>
        <translation>30 min</translation>
    </message>
    <message>
        <source>No samples yet.</source>
        <translation>Noch keine Stichproben.</translation>
    </message>
    <message>
        <source>The chart fills as samples arrive.</source>
        <translation>Das Diagramm füllt sich, sobald Stichproben eintreffen.</translation>
    </message>
    <message>
        <source>1 connection now.</source>
        <translation>Jetzt 1 Verbindung.</translation>
    </message>
    <message>
        <source>%1 connections now.</source>
        <translation>Jetzt %1 Verbindungen.</translation>
    </message>
    <message>
        <source>The trend appears from the second sample on; the chart fills as samples arrive.</source>
        <translation>Der Verlauf erscheint ab der zweiten Stichprobe; das Diagramm füllt sich, sobald Stichproben eintreffen.</translation>
    </message>
    <message>
        <source>(no state)</source>
        <translation>(kein Zustand)</translation>
    </message>
    <message>
        <source>peak %1 of %2 usable</source>
        <translation>Spitze %1 von %2 nutzbaren</translation>
    </message>
    <message>
        <source>usable maximum (%1)</source>
        <translation>nutzbares Maximum (%1)</translation>
    </message>
</context>
<context>
    <name>dbt::gui::ExportDialog</name>
    <message>
        <source>Index candidates (advise)</source>
        <translation>Index-Kandidaten (advise)</translation>
    </message>
    <message>
        <source>Write a directory instead of a .zip</source>
        <translation>Ein Verzeichnis statt einer .zip-Datei schreiben</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation>Beweise exportieren</translation>
    </message>
    <message>
        <source>What you saw and why you are exporting (ticket number, time, symptoms). It goes into README.md and the manifest.</source>
        <translation>Was Sie gesehen haben und warum Sie exportieren (Ticketnummer, Zeit, Symptome). Es kommt in README.md und das Manifest.</translation>
    </message>
    <message numerus="yes">
        <source> of %n sample(s) kept</source>
        <translation>
            <numerusform> von %n aufbewahrten Stichprobe</numerusform>
            <numerusform> von %n aufbewahrten Stichproben</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export yet: connect or open a snapshot first.</source>
        <translation>Noch nichts zu exportieren: Verbinden Sie sich zuerst oder öffnen Sie einen Snapshot.</translation>
    </message>
    <message>
        <source>The sample of %1.</source>
        <translation>Die Stichprobe von %1.</translation>
    </message>
    <message>
        <source>From %1 to %2 (%3).</source>
        <translation>Von %1 bis %2 (%3).</translation>
    </message>
    <message>
        <source>no plans</source>
        <translation>keine Pläne</translation>
    </message>
    <message>
        <source>Plans of the top statements need a job runner for the database; not available in this build yet.</source>
        <translation>Pläne der Top-Anweisungen brauchen einen Auftragsausführer für die Datenbank; in dieser Version noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Index candidates need a job runner for the database; not available in this build yet.</source>
        <translation>Index-Kandidaten brauchen einen Auftragsausführer für die Datenbank; in dieser Version noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation>&amp;Stichproben:</translation>
    </message>
    <message>
        <source>&amp;Plans of the top:</source>
        <translation>&amp;Pläne der Top:</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Directory to write the bundle in</source>
        <translation>Verzeichnis, in das das Bundle geschrieben wird</translation>
    </message>
    <message>
        <source>Evidence bundles (*.zip)</source>
        <translation>Beweis-Bundles (*.zip)</translation>
    </message>
    <message>
        <source>Choose where to write the bundle first.</source>
        <translation>Wählen Sie zuerst, wohin das Bundle geschrieben wird.</translation>
    </message>
    <message numerus="yes">
        <source>Composing the summary of %n sample(s)…</source>
        <translation>
            <numerusform>Zusammenfassung von %n Stichprobe wird erstellt…</numerusform>
            <numerusform>Zusammenfassung von %n Stichproben wird erstellt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Diagramme werden gezeichnet…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 files, %3 KB).</source>
        <translation>%1 geschrieben (%2 Dateien, %3 KB).</translation>
    </message>
</context>
<context>
    <name>dbt::gui::LockGraphScene</name>
    <message>
        <source>dbtriage lock graph</source>
        <translation>dbtriage-Sperrgraph</translation>
    </message>
    <message>
        <source>Wait-for graph: root blockers on the left, waiters to the right.</source>
        <translation>Wartegraph: Hauptblockierer links, Wartende rechts.</translation>
    </message>
    <message>
        <source>PID %1 also waits on PID %2</source>
        <translation>PID %1 wartet auch auf PID %2</translation>
    </message>
</context>
<context>
    <name>dbt::gui::LockNodeItem</name>
    <message>
        <source>+%1 waiting</source>
        <translation>+%1 wartend</translation>
    </message>
    <message>
        <source>for a %1 on %2</source>
        <translation>auf eine %1 auf %2</translation>
    </message>
    <message>
        <source>the same object</source>
        <translation>demselben Objekt</translation>
    </message>
    <message>
        <source>PIDs %1 … %2</source>
        <translation>PIDs %1 … %2</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source> · lock cycle</source>
        <translation> · Sperrzyklus</translation>
    </message>
    <message>
        <source> · root blocker</source>
        <translation> · Hauptblockierer</translation>
    </message>
    <message>
        <source> · blocks %1</source>
        <translation> · blockiert %1</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>kein Zustand</translation>
    </message>
    <message>
        <source>(session details not reported)</source>
        <translation>(Sitzungsdetails nicht gemeldet)</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>hält %1</translation>
    </message>
</context>
<context>
    <name>dbt::gui::LocksView</name>
    <message>
        <source>Find PID</source>
        <translation>PID suchen</translation>
    </message>
    <message>
        <source>&amp;Fold waiters above:</source>
        <translation>Wartende &amp;zusammenfassen ab:</translation>
    </message>
    <message>
        <source>Sibling sessions waiting the same way on the same object are drawn as one box when there are more than this many.</source>
        <translation>Geschwister-Sitzungen, die auf gleiche Weise auf dasselbe Objekt warten, werden als ein Kasten gezeichnet, wenn es mehr als so viele sind.</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation>Verbinden Sie sich mit einem Server (Strg+N) oder öffnen Sie eine Snapshot-Datei (Strg+O).</translation>
    </message>
    <message>
        <source>No lock waits right now.</source>
        <translation>Gerade keine Sperrwartezeiten.</translation>
    </message>
    <message>
        <source>No session waits on another session&apos;s lock in this sample.</source>
        <translation>In dieser Stichprobe wartet keine Sitzung auf die Sperre einer anderen.</translation>
    </message>
    <message>
        <source>Lock waits could not be read.</source>
        <translation>Sperrwartezeiten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>1 root blocker</source>
        <translation>1 Hauptblockierer</translation>
    </message>
    <message>
        <source>%1 root blockers</source>
        <translation>%1 Hauptblockierer</translation>
    </message>
    <message>
        <source>1 session waiting</source>
        <translation>1 wartende Sitzung</translation>
    </message>
    <message>
        <source>%1 sessions waiting</source>
        <translation>%1 wartende Sitzungen</translation>
    </message>
    <message>
        <source> · %1 folded</source>
        <translation> · %1 zusammengefasst</translation>
    </message>
    <message>
        <source> · %1 more blockers not drawn</source>
        <translation> · %1 weitere Blockierer nicht gezeichnet</translation>
    </message>
    <message>
        <source>Export lock graph as SVG</source>
        <translation>Sperrgraph als SVG exportieren</translation>
    </message>
    <message>
        <source>Export lock graph as PNG</source>
        <translation>Sperrgraph als PNG exportieren</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::OverviewView</name>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Waiting on locks</source>
        <translation>Warten auf Sperren</translation>
    </message>
    <message>
        <source>Idle in transaction</source>
        <translation>Untätig in Transaktion</translation>
    </message>
    <message>
        <source>Longest transaction</source>
        <translation>Längste Transaktion</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Temp files</source>
        <translation>Temporäre Dateien</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O) to see its findings here.</source>
        <translation>Verbinden Sie sich mit einem Server (Strg+N) oder öffnen Sie eine Snapshot-Datei (Strg+O), um hier die Befunde zu sehen.</translation>
    </message>
    <message>
        <source>Nothing needs attention in the latest sample.</source>
        <translation>In der neuesten Stichprobe ist nichts auffällig.</translation>
    </message>
    <message>
        <source>Connections, locks, long transactions and idle sessions look normal.</source>
        <translation>Verbindungen, Sperren, lange Transaktionen und untätige Sitzungen sehen normal aus.</translation>
    </message>
    <message>
        <source>Findings: %1 critical, %2 warning</source>
        <translation>Befunde: %1 kritisch, %2 Warnung</translation>
    </message>
    <message>
        <source>of %1 usable (%2)</source>
        <translation>von %1 nutzbaren (%2)</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>laufen gerade</translation>
    </message>
    <message>
        <source>no lock waits</source>
        <translation>keine Sperrwartezeiten</translation>
    </message>
    <message>
        <source>behind 1 root blocker</source>
        <translation>hinter 1 Hauptblockierer</translation>
    </message>
    <message>
        <source>behind %1 root blockers</source>
        <translation>hinter %1 Hauptblockierern</translation>
    </message>
    <message>
        <source>transaction open</source>
        <translation>Transaktion offen</translation>
    </message>
    <message>
        <source>oldest open</source>
        <translation>älteste offene</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no open transaction</source>
        <translation>keine offene Transaktion</translation>
    </message>
    <message>
        <source>since stats reset</source>
        <translation>seit Statistik-Reset</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>in the last %1</source>
        <translation>in den letzten %1</translation>
    </message>
    <message>
        <source>1 file since stats reset</source>
        <translation>1 Datei seit Statistik-Reset</translation>
    </message>
    <message>
        <source>%1 files since stats reset</source>
        <translation>%1 Dateien seit Statistik-Reset</translation>
    </message>
</context>
<context>
    <name>dbt::gui::PasswordStore</name>
    <message>
        <source>The desktop keyring could not be read (%1); trying ~/.pgpass, PGPASSWORD and ~/.my.cnf instead.</source>
        <translation>Der Schlüsselbund des Desktops konnte nicht gelesen werden (%1); stattdessen werden ~/.pgpass, PGPASSWORD und ~/.my.cnf versucht.</translation>
    </message>
    <message>
        <source>This build has no keyring support; using ~/.pgpass, PGPASSWORD and ~/.my.cnf.</source>
        <translation>Diese Version unterstützt keinen Schlüsselbund; ~/.pgpass, PGPASSWORD und ~/.my.cnf werden verwendet.</translation>
    </message>
    <message>
        <source>The password could not be stored in the desktop keyring (%1); it is used for this connection only.</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund des Desktops gespeichert werden (%1); es gilt nur für diese Verbindung.</translation>
    </message>
    <message>
        <source>This build has no keyring support; the password is used for this connection only.</source>
        <translation>Diese Version unterstützt keinen Schlüsselbund; das Passwort gilt nur für diese Verbindung.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::SessionsView</name>
    <message>
        <source>Show &amp;idle sessions</source>
        <translation>&amp;Untätige Sitzungen anzeigen</translation>
    </message>
    <message>
        <source>Filter by user, database, application, state, client, PID or query text</source>
        <translation>Nach Benutzer, Datenbank, Anwendung, Zustand, Client, PID oder Abfragetext filtern</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>As Markdown table</source>
        <translation>Als Markdown-Tabelle</translation>
    </message>
    <message>
        <source>As CSV</source>
        <translation>Als CSV</translation>
    </message>
    <message>
        <source>Copy the selected sessions (all shown when none is selected)</source>
        <translation>Ausgewählte Sitzungen kopieren (alle angezeigten, wenn keine ausgewählt ist)</translation>
    </message>
    <message>
        <source>Copy as Markdown table</source>
        <translation>Als Markdown-Tabelle kopieren</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>Als CSV kopieren</translation>
    </message>
    <message>
        <source>Select a session to see its whole query.</source>
        <translation>Wählen Sie eine Sitzung, um ihre ganze Abfrage zu sehen.</translation>
    </message>
    <message>
        <source>%1 of 1 session</source>
        <translation>%1 von 1 Sitzung</translation>
    </message>
    <message>
        <source>%1 of %2 sessions</source>
        <translation>%1 von %2 Sitzungen</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation>Verbinden Sie sich mit einem Server (Strg+N) oder öffnen Sie eine Snapshot-Datei (Strg+O).</translation>
    </message>
    <message>
        <source>No sessions in this sample.</source>
        <translation>Keine Sitzungen in dieser Stichprobe.</translation>
    </message>
    <message>
        <source>The server reported no client sessions.</source>
        <translation>Der Server meldete keine Client-Sitzungen.</translation>
    </message>
    <message>
        <source>The session list could not be read: %1</source>
        <translation>Die Sitzungsliste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The only session is idle.</source>
        <translation>Die einzige Sitzung ist untätig.</translation>
    </message>
    <message>
        <source>All %1 sessions are idle.</source>
        <translation>Alle %1 Sitzungen sind untätig.</translation>
    </message>
    <message>
        <source>Tick &quot;Show idle sessions&quot; to list them.</source>
        <translation>Setzen Sie den Haken bei „Untätige Sitzungen anzeigen“, um sie aufzulisten.</translation>
    </message>
    <message>
        <source>No session matches the filter.</source>
        <translation>Keine Sitzung passt zum Filter.</translation>
    </message>
    <message>
        <source>1 session in this sample.</source>
        <translation>1 Sitzung in dieser Stichprobe.</translation>
    </message>
    <message>
        <source>%1 sessions in this sample.</source>
        <translation>%1 Sitzungen in dieser Stichprobe.</translation>
    </message>
    <message>
        <source>Clear the filter or tick &quot;Show idle sessions&quot;.</source>
        <translation>Leeren Sie den Filter oder setzen Sie den Haken bei „Untätige Sitzungen anzeigen“.</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Keine Sitzung ausgewählt</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>PID %1 · %2%3 · %4</source>
        <translation>PID %1 · %2%3 · %4</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>kein Zustand</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> seit %1</translation>
    </message>
    <message>
        <source>Waits on %1</source>
        <translation>Wartet auf %1</translation>
    </message>
    <message>
        <source>PID %1 (%2 on %3%4)</source>
        <translation>PID %1 (%2 auf %3%4)</translation>
    </message>
    <message>
        <source>, queued ahead</source>
        <translation>, weiter vorn in der Warteschlange</translation>
    </message>
    <message>
        <source>blocked by %1</source>
        <translation>blockiert von %1</translation>
    </message>
    <message>
        <source>transaction open for %1</source>
        <translation>Transaktion seit %1 offen</translation>
    </message>
    <message>
        <source>Not waiting.</source>
        <translation>Wartet nicht.</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>Blocks 1 session</source>
        <translation>Blockiert 1 Sitzung</translation>
    </message>
    <message>
        <source>Blocks %1 sessions</source>
        <translation>Blockiert %1 Sitzungen</translation>
    </message>
    <message>
        <source> as a root blocker</source>
        <translation> als Hauptblockierer</translation>
    </message>
    <message>
        <source>Blocks nobody.</source>
        <translation>Blockiert niemanden.</translation>
    </message>
    <message>
        <source>(no query text)</source>
        <translation>(kein Abfragetext)</translation>
    </message>
</context>
<context>
    <name>dbt::gui::StatusArea</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation>Verbindung bearbeiten…</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>MySQL</source>
        <translation>MySQL</translation>
    </message>
    <message>
        <source>MariaDB</source>
        <translation>MariaDB</translation>
    </message>
    <message>
        <source>database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>als %1</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation>Neu verbinden (Versuch %1)</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Showing %1; nothing is sampled.</source>
        <translation>Angezeigt wird %1; es wird nichts abgetastet.</translation>
    </message>
    <message>
        <source>Connect to a server with Ctrl+N, or open a snapshot file with Ctrl+O.</source>
        <translation>Verbinden Sie sich mit Strg+N mit einem Server oder öffnen Sie mit Strg+O eine Snapshot-Datei.</translation>
    </message>
    <message>
        <source>data from just now</source>
        <translation>Daten von gerade eben</translation>
    </message>
    <message>
        <source>data from %1 ago</source>
        <translation>Daten von vor %1</translation>
    </message>
    <message>
        <source>The server has not answered for a while; the panels show the last data it sent.</source>
        <translation>Der Server antwortet seit einer Weile nicht; die Ansichten zeigen die letzten Daten, die er gesendet hat.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::TopQueriesView</name>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>Last 1 min</source>
        <translation>Letzte 1 min</translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation>Letzte 5 min</translation>
    </message>
    <message>
        <source>Last 15 min</source>
        <translation>Letzte 15 min</translation>
    </message>
    <message>
        <source>Since connect</source>
        <translation>Seit Verbindungsaufbau</translation>
    </message>
    <message>
        <source>&amp;Sort by:</source>
        <translation>&amp;Sortieren nach:</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Mean time</source>
        <translation>Mittlere Zeit</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Filter by statement text, database or user</source>
        <translation>Nach Anweisungstext, Datenbank oder Benutzer filtern</translation>
    </message>
    <message>
        <source>Comes with the explain view</source>
        <translation>Kommt mit der Plan-Ansicht</translation>
    </message>
    <message>
        <source>Top %1 by total time</source>
        <translation>Top %1 nach Gesamtzeit</translation>
    </message>
    <message>
        <source>Select a statement to see its text and its figures over time.</source>
        <translation>Wählen Sie eine Anweisung, um ihren Text und ihre Kennzahlen im Zeitverlauf zu sehen.</translation>
    </message>
    <message>
        <source>Work done between %1 and %2 (%3): deltas between samples, not counters since the last reset.</source>
        <translation>Arbeit zwischen %1 und %2 (%3): Differenzen zwischen Stichproben, keine Zähler seit dem letzten Zurücksetzen.</translation>
    </message>
    <message>
        <source>Connected for less than the window; it fills as samples arrive.</source>
        <translation>Kürzer verbunden als das Zeitfenster; es füllt sich, sobald Stichproben eintreffen.</translation>
    </message>
    <message>
        <source>Work done between %1 and %2, as recorded in the snapshot.</source>
        <translation>Arbeit zwischen %1 und %2, wie im Snapshot aufgezeichnet.</translation>
    </message>
    <message>
        <source>One sample so far: counters since the last statistics reset. The window&apos;s deltas appear from the next sample on.</source>
        <translation>Bisher eine Stichprobe: Zähler seit dem letzten Zurücksetzen der Statistik. Die Differenzen des Zeitfensters erscheinen ab der nächsten Stichprobe.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation>Verbinden Sie sich mit einem Server (Strg+N) oder öffnen Sie eine Snapshot-Datei (Strg+O).</translation>
    </message>
    <message>
        <source>Statement statistics are not available.</source>
        <translation>Anweisungsstatistiken sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>No statement ran in this window.</source>
        <translation>In diesem Zeitfenster lief keine Anweisung.</translation>
    </message>
    <message>
        <source>Pick a longer window, or wait for the next samples.</source>
        <translation>Wählen Sie ein längeres Zeitfenster oder warten Sie auf die nächsten Stichproben.</translation>
    </message>
    <message>
        <source>No statement statistics in this sample.</source>
        <translation>Keine Anweisungsstatistiken in dieser Stichprobe.</translation>
    </message>
    <message>
        <source>The server reported none.</source>
        <translation>Der Server meldete keine.</translation>
    </message>
    <message>
        <source>Total time (s)</source>
        <translation>Gesamtzeit (s)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>No statement selected</source>
        <translation>Keine Anweisung ausgewählt</translation>
    </message>
    <message>
        <source>Statement %1 · %2 · %3</source>
        <translation>Anweisung %1 · %2 · %3</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(keine ID)</translation>
    </message>
    <message>
        <source>%1 total (%2 of all statements&apos; time)</source>
        <translation>%1 gesamt (%2 der Zeit aller Anweisungen)</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 Aufruf</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>%1 mean</source>
        <translation>%1 im Mittel</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>cache hit %1</source>
        <translation>Cache-Treffer %1</translation>
    </message>
    <message>
        <source>%1 written to temp files</source>
        <translation>%1 in temporäre Dateien geschrieben</translation>
    </message>
    <message>
        <source>%1 rows examined</source>
        <translation>%1 Zeilen untersucht</translation>
    </message>
    <message>
        <source>%1 calls without an index</source>
        <translation>%1 Aufrufe ohne Index</translation>
    </message>
    <message>
        <source>(text not available)</source>
        <translation>(Text nicht verfügbar)</translation>
    </message>
    <message>
        <source>Figures over time appear after a few samples.</source>
        <translation>Kennzahlen im Zeitverlauf erscheinen nach einigen Stichproben.</translation>
    </message>
    <message>
        <source>Over time (per sample interval)</source>
        <translation>Im Zeitverlauf (pro Abtastintervall)</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>Aufrufe/s</translation>
    </message>
    <message>
        <source>mean ms</source>
        <translation>ms im Mittel</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usage:
  dbtriage [CONNECTION]                 open the window (connected when given)
  dbtriage BUNDLE.zip|DIR               open the window on a recorded bundle
  dbtriage collect CONNECTION [options] sample a server headless
  dbtriage open BUNDLE [--json]         show a recorded bundle (verified first)
  dbtriage compare A B                  compare two bundles, or a bundle (A) and a
                                        live server (B = CONNECTION)
  dbtriage --version | --help

CONNECTION is a postgresql:// or postgres:// URI, a libpq keyword string
(&quot;host=db1 dbname=app&quot;), service=NAME, or a mysql:// / mariadb:// URI.
Passwords come from ~/.pgpass, PGPASSWORD, the service file or ~/.my.cnf.
Run &quot;dbtriage collect --help&quot; for the collect options.
</source>
        <translation>Aufruf:
  dbtriage [VERBINDUNG]                 das Fenster öffnen (verbunden, wenn angegeben)
  dbtriage BUNDLE.zip|VERZ              das Fenster mit einem aufgezeichneten Bundle öffnen
  dbtriage collect VERBINDUNG [Optionen] einen Server ohne Fenster abtasten
  dbtriage open BUNDLE [--json]         ein aufgezeichnetes Bundle zeigen (zuerst geprüft)
  dbtriage compare A B                  zwei Bundles vergleichen, oder ein Bundle (A) und
                                        einen laufenden Server (B = VERBINDUNG)
  dbtriage --version | --help

VERBINDUNG ist eine postgresql://- oder postgres://-URI, eine libpq-Schlüsselwortzeichenfolge
(&quot;host=db1 dbname=app&quot;), service=NAME oder eine mysql://- / mariadb://-URI.
Passwörter kommen aus ~/.pgpass, PGPASSWORD, der Service-Datei oder ~/.my.cnf.
Die Optionen von collect zeigt &quot;dbtriage collect --help&quot;.
</translation>
    </message>
</context>
<context>
    <name>open</name>
    <message>
        <source>Shows an evidence bundle written by &quot;dbtriage collect --out&quot; with no connection: checksums are verified first, then the README summary is printed.</source>
        <translation>Zeigt ein von &quot;dbtriage collect --out&quot; geschriebenes Beweis-Bundle ohne Verbindung: Zuerst werden die Prüfsummen geprüft, dann wird die README-Zusammenfassung ausgegeben.</translation>
    </message>
    <message>
        <source>A bundle .zip, a bundle directory, or a snapshot.json.</source>
        <translation>Eine Bundle-.zip-Datei, ein Bundle-Verzeichnis oder eine snapshot.json.</translation>
    </message>
    <message>
        <source>Print the snapshot as JSON.</source>
        <translation>Den Snapshot als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage open --help&quot; for the options.</source>
        <translation>Die Optionen zeigt &quot;dbtriage open --help&quot;.</translation>
    </message>
    <message>
        <source>give exactly one BUNDLE (a .zip file or a directory).</source>
        <translation>Geben Sie genau ein BUNDLE an (eine .zip-Datei oder ein Verzeichnis).</translation>
    </message>
    <message>
        <source>Checksums: %1</source>
        <translation>Prüfsummen: %1</translation>
    </message>
</context>
<context>
    <name>recording</name>
    <message>
        <source>Sample %1 of %2 failed: %3</source>
        <translation>Stichprobe %1 von %2 fehlgeschlagen: %3</translation>
    </message>
</context>
</TS>
