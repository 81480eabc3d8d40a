<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdviceReport</name>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>No index candidate would help the workload enough to propose one.</source>
        <translation>Kein Indexkandidat würde der Last genug helfen, um ihn vorzuschlagen.</translation>
    </message>
    <message>
        <source>validated with HypoPG</source>
        <translation>mit HypoPG geprüft</translation>
    </message>
    <message>
        <source>heuristic, not validated</source>
        <translation>heuristisch, nicht geprüft</translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>estimated size: %1</source>
        <translation>geschätzte Größe: %1</translation>
    </message>
    <message>
        <source>caveat: %1</source>
        <translation>Vorbehalt: %1</translation>
    </message>
    <message>
        <source>Unused indexes (no scans since the statistics were last reset; not unique, not primary keys):</source>
        <translation>Ungenutzte Indexe (keine Scans seit dem letzten Zurücksetzen der Statistiken; weder eindeutig noch Primärschlüssel):</translation>
    </message>
    <message>
        <source>Unused indexes (no scans since the statistics reset at %1; not unique, not primary keys):</source>
        <translation>Ungenutzte Indexe (keine Scans seit dem Zurücksetzen der Statistiken um %1; weder eindeutig noch Primärschlüssel):</translation>
    </message>
    <message>
        <source>%1.%2 on %3 (%4): %5</source>
        <translation>%1.%2 auf %3 (%4): %5</translation>
    </message>
    <message>
        <source>Duplicate and redundant indexes:</source>
        <translation>Doppelte und redundante Indexe:</translation>
    </message>
    <message>
        <source>%1.%2 on %3 (%4) is a duplicate of %5: %6</source>
        <translation>%1.%2 auf %3 (%4) ist ein Duplikat von %5: %6</translation>
    </message>
    <message>
        <source>%1.%2 on %3 (%4) is a prefix of %5: %6</source>
        <translation>%1.%2 auf %3 (%4) ist ein Präfix von %5: %6</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
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
        <source>statement %1 (%2 % of the window&apos;s time, %3): %4 %5 -&gt; %6 (%7 % less)</source>
        <translation>Anweisung %1 (%2 % der Zeit des Zeitfensters, %3): %4 %5 -&gt; %6 (%7 % weniger)</translation>
    </message>
    <message>
        <source>statement %1 (%2 % of the window&apos;s time, %3): %4 %5</source>
        <translation>Anweisung %1 (%2 % der Zeit des Zeitfensters, %3): %4 %5</translation>
    </message>
    <message>
        <source>1 statement considered</source>
        <translation>1 Anweisung betrachtet</translation>
    </message>
    <message>
        <source>%1 statements considered</source>
        <translation>%1 Anweisungen betrachtet</translation>
    </message>
    <message>
        <source>1 EXPLAIN</source>
        <translation>1 EXPLAIN</translation>
    </message>
    <message>
        <source>%1 EXPLAINs</source>
        <translation>%1 EXPLAINs</translation>
    </message>
    <message>
        <source>%1, %2. Nothing was executed: review and run the DDL yourself.</source>
        <translation>%1, %2. Nichts wurde ausgeführt: Prüfen Sie das DDL und führen Sie es selbst aus.</translation>
    </message>
</context>
<context>
    <name>Advisor</name>
    <message>
        <source>an unterminated `identifier`</source>
        <translation>einen nicht abgeschlossenen `Bezeichner`</translation>
    </message>
    <message>
        <source>an unterminated string (a truncated text?)</source>
        <translation>eine nicht abgeschlossene Zeichenkette (ein abgeschnittener Text?)</translation>
    </message>
    <message>
        <source>a MySQL-specific comment (/*! */ or an optimizer hint)</source>
        <translation>einen MySQL-spezifischen Kommentar (/*! */ oder einen Optimizer-Hinweis)</translation>
    </message>
    <message>
        <source>an unterminated comment</source>
        <translation>einen nicht abgeschlossenen Kommentar</translation>
    </message>
    <message>
        <source>the MySQL operator %1</source>
        <translation>den MySQL-Operator %1</translation>
    </message>
    <message>
        <source>MySQL-only syntax (%1)</source>
        <translation>reine MySQL-Syntax (%1)</translation>
    </message>
    <message>
        <source>an index hint (%1 INDEX)</source>
        <translation>einen Index-Hinweis (%1 INDEX)</translation>
    </message>
    <message>
        <source>a full table scan (access_type ALL, about %1 rows)</source>
        <translation>einen vollständigen Tabellenscan (access_type ALL, etwa %1 Zeilen)</translation>
    </message>
    <message>
        <source>a full scan of index %1 (access_type index, about %2 rows) with a filter</source>
        <translation>einen vollständigen Scan des Index %1 (access_type index, etwa %2 Zeilen) mit einem Filter</translation>
    </message>
    <message>
        <source>no index used although possible_keys lists %1</source>
        <translation>keinen genutzten Index, obwohl possible_keys %1 nennt</translation>
    </message>
    <message>
        <source>%1 reads about %2 rows and keeps %3 % of them</source>
        <translation>%1 liest etwa %2 Zeilen und behält %3 % davon</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>die Tabelle</translation>
    </message>
    <message>
        <source>a sort (filesort or temporary table)</source>
        <translation>eine Sortierung (Filesort oder temporäre Tabelle)</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, danach %2</translation>
    </message>
    <message>
        <source>equality columns, most selective first</source>
        <translation>Gleichheitsspalten, die selektivste zuerst</translation>
    </message>
    <message>
        <source>equality</source>
        <translation>Gleichheit</translation>
    </message>
    <message>
        <source>range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Heuristic, not validated (MySQL has no hypothetical indexes). To validate: create it on a clone and compare EXPLAIN; or build it invisible on this server (%1), check the plans in one session with SET SESSION optimizer_switch = &apos;use_invisible_indexes=on&apos;, then %2; building it costs I/O and write overhead either way.</source>
        <translation>Heuristisch, nicht geprüft (MySQL hat keine hypothetischen Indexe). Zum Prüfen: Legen Sie ihn auf einem Klon an und vergleichen Sie EXPLAIN; oder legen Sie ihn auf diesem Server unsichtbar an (%1), prüfen Sie die Pläne in einer Sitzung mit SET SESSION optimizer_switch = &apos;use_invisible_indexes=on&apos; und dann %2; das Anlegen kostet in beiden Fällen E/A und Schreibaufwand.</translation>
    </message>
    <message>
        <source>Heuristic, not validated (MariaDB has no hypothetical indexes). To validate: create it on a clone and compare EXPLAIN; or build it ignored on this server (%1), which no plan uses, switch it on with %2 and back with %3 if plans get worse.</source>
        <translation>Heuristisch, nicht geprüft (MariaDB hat keine hypothetischen Indexe). Zum Prüfen: Legen Sie ihn auf einem Klon an und vergleichen Sie EXPLAIN; oder legen Sie ihn auf diesem Server ignoriert an (%1), sodass kein Plan ihn nutzt, schalten Sie ihn mit %2 ein und mit %3 wieder aus, wenn Pläne schlechter werden.</translation>
    </message>
    <message>
        <source>Heuristic, not validated (no hypothetical, invisible or ignored indexes on this version). To validate: create it on a clone and compare EXPLAIN before and after.</source>
        <translation>Heuristisch, nicht geprüft (diese Version hat keine hypothetischen, unsichtbaren oder ignorierten Indexe). Zum Prüfen: Legen Sie ihn auf einem Klon an und vergleichen Sie EXPLAIN vorher und nachher.</translation>
    </message>
    <message>
        <source>mysql.column_stats could not be read (%1): only indexed columns have statistics. GRANT SELECT ON mysql.column_stats to the monitoring user for the others.</source>
        <translation>mysql.column_stats konnte nicht gelesen werden (%1): Nur indizierte Spalten haben Statistiken. Für die übrigen GRANT SELECT ON mysql.column_stats für den Überwachungsbenutzer.</translation>
    </message>
    <message>
        <source>%1 takes many writes (%2 rows inserted, updated or deleted since the server started): every index adds work to each of them.</source>
        <translation>%1 erhält viele Schreibzugriffe (%2 Zeilen eingefügt, geändert oder gelöscht seit dem Serverstart): Jeder Index macht jeden davon aufwendiger.</translation>
    </message>
    <message>
        <source>Statistics of %1 may be stale: about %2 rows modified since InnoDB last updated them; run ANALYZE TABLE %3 and advise again.</source>
        <translation>Die Statistiken von %1 sind womöglich veraltet: etwa %2 Zeilen geändert, seit InnoDB sie zuletzt aktualisiert hat; führen Sie ANALYZE TABLE %3 aus und lassen Sie erneut beraten.</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: it uses %2, which the query model does not read.</source>
        <translation>Anweisung %1 wurde übersprungen: Sie verwendet %2, was das Abfragemodell nicht liest.</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: its digest text is truncated (performance_schema_max_digest_length).</source>
        <translation>Anweisung %1 wurde übersprungen: Ihr Digest-Text ist abgeschnitten (performance_schema_max_digest_length).</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: it does not parse (%2).</source>
        <translation>Anweisung %1 wurde übersprungen: Sie lässt sich nicht parsen (%2).</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: %2</source>
        <translation>Anweisung %1 wurde übersprungen: %2</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: its plan could not be read (%2).</source>
        <translation>Anweisung %1 wurde übersprungen: Ihr Plan konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: its plan has no query_cost.</source>
        <translation>Anweisung %1 wurde übersprungen: Ihr Plan hat keinen query_cost.</translation>
    </message>
    <message>
        <source>No statistics for %1 of %2, so no candidate on them: %3 collects them (dbtriage runs neither).</source>
        <translation>Keine Statistiken für %1 von %2, daher kein Kandidat darauf: %3 sammelt sie (dbtriage führt keines von beiden aus).</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <source>index cardinality</source>
        <translation>Index-Kardinalität</translation>
    </message>
    <message>
        <source>About %1 % of %2 rows match (statistics: %3); the current plan shows %4.</source>
        <translation>Etwa %1 % von %2 Zeilen passen (Statistiken: %3); der aktuelle Plan zeigt %4.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Estimated size: unknown (the average length of a column is not known).</source>
        <translation>Geschätzte Größe: unbekannt (die durchschnittliche Länge einer Spalte ist nicht bekannt).</translation>
    </message>
    <message>
        <source>Estimated size from rows x average entry length, pages taken as 70 % full: a rough figure.</source>
        <translation>Geschätzte Größe aus Zeilen x durchschnittlicher Eintragslänge, Seiten als zu 70 % gefüllt angenommen: ein grober Wert.</translation>
    </message>
    <message>
        <source>Unused and redundant indexes could not be read: %1</source>
        <translation>Ungenutzte und redundante Indexe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Unused indexes could not be read from performance_schema (%1); GRANT SELECT ON performance_schema.* to the monitoring user for them.</source>
        <translation>Ungenutzte Indexe konnten nicht aus performance_schema gelesen werden (%1); dafür GRANT SELECT ON performance_schema.* für den Überwachungsbenutzer.</translation>
    </message>
    <message>
        <source>The sys schema is missing or not readable (%1): duplicate and redundant indexes were found from information_schema.STATISTICS instead. GRANT SELECT ON sys.* to the monitoring user to use its view.</source>
        <translation>Das sys-Schema fehlt oder ist nicht lesbar (%1): Doppelte und redundante Indexe wurden stattdessen aus information_schema.STATISTICS ermittelt. GRANT SELECT ON sys.* für den Überwachungsbenutzer, um dessen Sicht zu nutzen.</translation>
    </message>
    <message>
        <source>Index sizes are unknown (shown as 0 B): mysql.innodb_index_stats is not readable; GRANT SELECT ON mysql.innodb_index_stats to the monitoring user for them.</source>
        <translation>Indexgrößen sind unbekannt (als 0 B angezeigt): mysql.innodb_index_stats ist nicht lesbar; dafür GRANT SELECT ON mysql.innodb_index_stats für den Überwachungsbenutzer.</translation>
    </message>
    <message>
        <source>%1 (server start, or the last TRUNCATE of performance_schema&apos;s summaries)</source>
        <translation>%1 (Serverstart oder das letzte TRUNCATE der Zusammenfassungen von performance_schema)</translation>
    </message>
    <message>
        <source>%1 has no hypothetical indexes: every candidate is heuristic, not validated; each says how to validate it.</source>
        <translation>%1 hat keine hypothetischen Indexe: Jeder Kandidat ist heuristisch, nicht geprüft; jeder sagt, wie er sich prüfen lässt.</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 statements: the advice covers only those.</source>
        <translation>Abgebrochen nach %1 von %2 Anweisungen: Die Empfehlung umfasst nur diese.</translation>
    </message>
    <message>
        <source>This server&apos;s EXPLAIN prints no cost: cost_before is the plan&apos;s estimate of the rows examined per execution; cost_after is unknown (heuristic).</source>
        <translation>Das EXPLAIN dieses Servers gibt keine Kosten aus: cost_before ist die Schätzung des Plans für die je Ausführung untersuchten Zeilen; cost_after ist unbekannt (heuristisch).</translation>
    </message>
    <message>
        <source>HypoPG is available on the server but not created in database &quot;%1&quot;: the candidates below are heuristic. To validate them with the planner, a database owner can run: CREATE EXTENSION hypopg; (dbtriage never runs it).</source>
        <translation>HypoPG ist auf dem Server verfügbar, aber in der Datenbank „%1“ nicht angelegt: Die Kandidaten unten sind heuristisch. Um sie mit dem Planer zu prüfen, kann ein Datenbankeigentümer ausführen: CREATE EXTENSION hypopg; (dbtriage führt es nie aus).</translation>
    </message>
    <message>
        <source>HypoPG is not installed on this server: the candidates are heuristic, not validated. Install the hypopg package and CREATE EXTENSION hypopg to validate them, or test on a clone.</source>
        <translation>HypoPG ist auf diesem Server nicht installiert: Die Kandidaten sind heuristisch, nicht geprüft. Installieren Sie das Paket hypopg und führen Sie CREATE EXTENSION hypopg aus, um sie zu prüfen, oder testen Sie auf einem Klon.</translation>
    </message>
    <message>
        <source>No pg_stats rows are visible for %1 (never analyzed, or the role may not read its columns): equality columns keep the statement&apos;s order.</source>
        <translation>Für %1 sind keine pg_stats-Zeilen sichtbar (nie analysiert, oder die Rolle darf ihre Spalten nicht lesen): Gleichheitsspalten behalten die Reihenfolge der Anweisung.</translation>
    </message>
    <message>
        <source>%1 takes many writes (%2 rows inserted, updated or deleted since the statistics reset): every index adds work to each of them.</source>
        <translation>%1 erhält viele Schreibzugriffe (%2 Zeilen eingefügt, geändert oder gelöscht seit dem Zurücksetzen der Statistiken): Jeder Index macht jeden davon aufwendiger.</translation>
    </message>
    <message>
        <source>%1 has never been analyzed: run ANALYZE %2 first; the estimates may change.</source>
        <translation>%1 wurde nie analysiert: Führen Sie zuerst ANALYZE %2 aus; die Schätzungen können sich ändern.</translation>
    </message>
    <message>
        <source>Statistics of %1 may be stale: %2 rows modified since the last analyze at %3.</source>
        <translation>Die Statistiken von %1 sind womöglich veraltet: %2 Zeilen geändert seit dem letzten Analysieren um %3.</translation>
    </message>
    <message>
        <source>Column %1 is updated by the workload: an index on it turns those updates from HOT into regular ones.</source>
        <translation>Die Spalte %1 wird von der Last geändert: Ein Index darauf macht aus diesen HOT-Updates gewöhnliche Updates.</translation>
    </message>
    <message>
        <source>text_pattern_ops serves LIKE &apos;prefix%&apos; but not &lt;, &gt; or ORDER BY in the database&apos;s collation.</source>
        <translation>text_pattern_ops bedient LIKE &apos;prefix%&apos;, aber nicht &lt;, &gt; oder ORDER BY in der Sortierfolge der Datenbank.</translation>
    </message>
    <message>
        <source>Heuristic, not validated: about %1 % of %2 rows match, and the current plan reads the table with a sequential scan. Validate with HypoPG (hypopg_create_index) or by creating it on a clone.</source>
        <translation>Heuristisch, nicht geprüft: Etwa %1 % von %2 Zeilen passen, und der aktuelle Plan liest die Tabelle mit einem sequenziellen Scan. Prüfen Sie mit HypoPG (hypopg_create_index) oder indem Sie ihn auf einem Klon anlegen.</translation>
    </message>
    <message>
        <source>Needs the pg_trgm extension.</source>
        <translation>Benötigt die Erweiterung pg_trgm.</translation>
    </message>
    <message>
        <source>A GIN index serves @&gt;, not equality or ranges.</source>
        <translation>Ein GIN-Index bedient @&gt;, nicht Gleichheit oder Bereiche.</translation>
    </message>
    <message>
        <source>Candidate %1 for statement %2 could not be tried: %3</source>
        <translation>Kandidat %1 für Anweisung %2 konnte nicht ausprobiert werden: %3</translation>
    </message>
    <message>
        <source>%1 was not proposed for statement %2: its columns match about %3 % of the rows, too many for an index to pay off beyond an index-only scan.</source>
        <translation>%1 wurde für Anweisung %2 nicht vorgeschlagen: Seine Spalten passen auf etwa %3 % der Zeilen, zu viele, als dass sich ein Index über einen Index-Only-Scan hinaus lohnt.</translation>
    </message>
    <message>
        <source>%1; a hint, not validated (HypoPG&apos;s validation here covers btree candidates).</source>
        <translation>%1; ein Hinweis, nicht geprüft (die Prüfung mit HypoPG umfasst hier btree-Kandidaten).</translation>
    </message>
    <message>
        <source>%1 statement(s) of other databases were skipped: connect to each database to advise on its statements.</source>
        <translation>%1 Anweisung(en) anderer Datenbanken wurden übersprungen: Verbinden Sie sich mit jeder Datenbank, um zu ihren Anweisungen zu beraten.</translation>
    </message>
    <message>
        <source>rows examined (estimate)</source>
        <translation>untersuchte Zeilen (Schätzung)</translation>
    </message>
    <message>
        <source>prefix LIKE</source>
        <translation>Präfix-LIKE</translation>
    </message>
    <message>
        <source>join key (inner side of a nested loop)</source>
        <translation>Join-Schlüssel (innere Seite eines Nested Loop)</translation>
    </message>
    <message>
        <source>join key</source>
        <translation>Join-Schlüssel</translation>
    </message>
    <message>
        <source>@&gt; containment needs a GIN index</source>
        <translation>@&gt;-Enthaltensein braucht einen GIN-Index</translation>
    </message>
    <message>
        <source>LIKE with a leading wildcard needs a trigram GIN index (pg_trgm)</source>
        <translation>LIKE mit einem führenden Platzhalter braucht einen Trigramm-GIN-Index (pg_trgm)</translation>
    </message>
</context>
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
    <message>
        <source>UNVERIFIED: %1</source>
        <translation>NICHT VERIFIZIERT: %1</translation>
    </message>
</context>
<context>
    <name>BundleReader</name>
    <message>
        <source>%1 holds an unsafe file name &quot;%2&quot; (absolute, &quot;..&quot;, a drive letter or too deep); it is refused and nothing was extracted.</source>
        <translation>%1 enthält einen unsicheren Dateinamen „%2“ (absolut, „..“, ein Laufwerksbuchstabe oder zu tief verschachtelt); es wird abgelehnt, nichts wurde entpackt.</translation>
    </message>
    <message>
        <source>%1 holds &quot;%2&quot; twice; it is refused.</source>
        <translation>%1 enthält „%2“ zweimal; es wird abgelehnt.</translation>
    </message>
    <message>
        <source>%1 holds more than %2 entries; it is refused as a possible zip bomb.</source>
        <translation>%1 enthält mehr als %2 Einträge; es wird als mögliche Zip-Bombe abgelehnt.</translation>
    </message>
    <message>
        <source>%1 in %2 expands beyond %3; the bundle is refused as a possible zip bomb.</source>
        <translation>%1 in %2 entpackt sich auf mehr als %3; das Paket wird als mögliche Zip-Bombe abgelehnt.</translation>
    </message>
    <message>
        <source>The files of %1 expand beyond %2 in all; the bundle is refused as a possible zip bomb.</source>
        <translation>Die Dateien von %1 entpacken sich insgesamt auf mehr als %2; das Paket wird als mögliche Zip-Bombe abgelehnt.</translation>
    </message>
    <message>
        <source>%1 is not a readable zip file.</source>
        <translation>%1 ist keine lesbare Zip-Datei.</translation>
    </message>
    <message>
        <source>%1 has a damaged entry %2: %3.</source>
        <translation>%1 hat einen beschädigten Eintrag %2: %3.</translation>
    </message>
    <message>
        <source>%1 has a damaged entry &quot;%2&quot;.</source>
        <translation>%1 hat einen beschädigten Eintrag „%2“.</translation>
    </message>
    <message>
        <source>%1 holds a symbolic link &quot;%2&quot;; it is refused and nothing was extracted.</source>
        <translation>%1 enthält einen symbolischen Link „%2“; es wird abgelehnt, nichts wurde entpackt.</translation>
    </message>
    <message>
        <source>%1 holds a special file &quot;%2&quot; (not a regular file); it is refused.</source>
        <translation>%1 enthält eine Spezialdatei „%2“ (keine reguläre Datei); es wird abgelehnt.</translation>
    </message>
    <message>
        <source>%1 holds an encrypted entry &quot;%2&quot;; dbtriage bundles are never encrypted.</source>
        <translation>%1 enthält einen verschlüsselten Eintrag „%2“; dbtriage-Pakete sind nie verschlüsselt.</translation>
    </message>
    <message>
        <source>%1: cannot read &quot;%2&quot;: %3.</source>
        <translation>%1: „%2“ kann nicht gelesen werden: %3.</translation>
    </message>
    <message>
        <source>%1 in %2 is damaged or truncated (%3); the bundle is refused.</source>
        <translation>%1 in %2 ist beschädigt oder abgeschnitten (%3); das Paket wird abgelehnt.</translation>
    </message>
    <message>
        <source>%1 is not a readable zip file (%2): it may be truncated or damaged, and is refused.</source>
        <translation>%1 ist keine lesbare Zip-Datei (%2): sie ist vielleicht abgeschnitten oder beschädigt und wird abgelehnt.</translation>
    </message>
    <message>
        <source>%1 holds a symbolic link &quot;%2&quot;; it is refused.</source>
        <translation>%1 enthält einen symbolischen Link „%2“; es wird abgelehnt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than %2; it is not read.</source>
        <translation>%1 ist größer als %2; es wird nicht gelesen.</translation>
    </message>
    <message>
        <source>%1 is nested deeper than %2 levels; it is not read.</source>
        <translation>%1 ist tiefer als %2 Ebenen verschachtelt; es wird nicht gelesen.</translation>
    </message>
    <message>
        <source>There is no manifest.json, so no file can be verified.</source>
        <translation>Es gibt keine manifest.json, daher kann keine Datei verifiziert werden.</translation>
    </message>
    <message>
        <source>manifest.json cannot be read (%1), so no file can be verified.</source>
        <translation>manifest.json kann nicht gelesen werden (%1), daher kann keine Datei verifiziert werden.</translation>
    </message>
    <message>
        <source>%1 is listed in manifest.json but missing.</source>
        <translation>%1 steht in manifest.json, fehlt aber.</translation>
    </message>
    <message>
        <source>%1 is shorter than manifest.json says (%2 of %3 bytes): it was truncated.</source>
        <translation>%1 ist kürzer als in manifest.json angegeben (%2 von %3 Bytes): die Datei wurde abgeschnitten.</translation>
    </message>
    <message>
        <source>%1 is longer than manifest.json says (%2, not %3 bytes): it was changed.</source>
        <translation>%1 ist länger als in manifest.json angegeben (%2 statt %3 Bytes): die Datei wurde verändert.</translation>
    </message>
    <message>
        <source>%1 does not match its SHA-256 in manifest.json: it was changed after the bundle was written.</source>
        <translation>%1 passt nicht zu seiner SHA-256 in manifest.json: die Datei wurde nach dem Schreiben des Pakets verändert.</translation>
    </message>
    <message>
        <source>%1 is not listed in manifest.json: it was added after the bundle was written.</source>
        <translation>%1 steht nicht in manifest.json: die Datei wurde nach dem Schreiben des Pakets hinzugefügt.</translation>
    </message>
    <message>
        <source>All %1 files match their SHA-256 in manifest.json.</source>
        <translation>Alle %1 Dateien passen zu ihrer SHA-256 in manifest.json.</translation>
    </message>
    <message>
        <source>Unverified: %1</source>
        <translation>Nicht verifiziert: %1</translation>
    </message>
    <message>
        <source> (%1 more problems: %2.)</source>
        <translation> (%1 weitere Probleme: %2.)</translation>
    </message>
    <message>
        <source> Do not rely on this bundle as evidence.</source>
        <translation> Verlassen Sie sich nicht auf dieses Paket als Beleg.</translation>
    </message>
    <message>
        <source>%1 holds no snapshot.json: it is not a dbtriage bundle.</source>
        <translation>%1 enthält keine snapshot.json: es ist kein dbtriage-Paket.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2%3</source>
        <translation>%1 kann nicht geöffnet werden: %2%3</translation>
    </message>
    <message>
        <source>%1 This sample and the ones after it are left out.</source>
        <translation>%1 Diese Stichprobe und alle folgenden werden weggelassen.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is larger than %2; it is refused.</source>
        <translation>%1 ist größer als %2; es wird abgelehnt.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>BundleWriter</name>
    <message>
        <source>Cannot write %1: %2. Choose a place you can write to.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie einen Ort, an dem Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Nothing was left under that name; free some space or choose another place.</source>
        <translation>Das Schreiben von %1 ist fehlgeschlagen: %2. Unter diesem Namen wurde nichts hinterlassen; schaffen Sie Platz oder wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>%1 exists and is not a directory. Name a new directory, or a file ending in .zip.</source>
        <translation>%1 existiert und ist kein Verzeichnis. Geben Sie ein neues Verzeichnis oder eine Datei an, die auf .zip endet.</translation>
    </message>
    <message>
        <source>%1 exists and is not empty. Name a new directory (dbtriage never writes into one that holds other files).</source>
        <translation>%1 existiert und ist nicht leer. Geben Sie ein neues Verzeichnis an (dbtriage schreibt nie in eines, das andere Dateien enthält).</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2. Choose a place you can write to.</source>
        <translation>In %1 kann nicht geschrieben werden: %2. Wählen Sie einen Ort, an dem Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Cannot create %1 in %2. Nothing was left under %3.</source>
        <translation>%1 kann in %2 nicht angelegt werden. Unter %3 wurde nichts hinterlassen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Nothing was left under %3.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Unter %3 wurde nichts hinterlassen.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Nothing was left under %3; free some space or choose another place.</source>
        <translation>Das Schreiben von %1 ist fehlgeschlagen: %2. Unter %3 wurde nichts hinterlassen; schaffen Sie Platz oder wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Cannot replace the empty directory %1. Name a new directory.</source>
        <translation>Das leere Verzeichnis %1 kann nicht ersetzt werden. Geben Sie ein neues Verzeichnis an.</translation>
    </message>
    <message>
        <source>Cannot rename the finished bundle to %1. Nothing was left under that name.</source>
        <translation>Das fertige Paket kann nicht in %1 umbenannt werden. Unter diesem Namen wurde nichts hinterlassen.</translation>
    </message>
    <message>
        <source>Cannot create the zip archive: %1.</source>
        <translation>Das Zip-Archiv kann nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <source>Cannot add %1 to the zip archive: %2.</source>
        <translation>%1 kann nicht zum Zip-Archiv hinzugefügt werden: %2.</translation>
    </message>
    <message>
        <source>Cannot set up %1 in the zip archive: %2.</source>
        <translation>%1 kann im Zip-Archiv nicht eingerichtet werden: %2.</translation>
    </message>
    <message>
        <source>Cannot compress the bundle: %1.</source>
        <translation>Das Paket kann nicht komprimiert werden: %1.</translation>
    </message>
    <message>
        <source>Cannot read back the compressed bundle.</source>
        <translation>Das komprimierte Paket kann nicht zurückgelesen werden.</translation>
    </message>
    <message>
        <source>No path was given for the bundle.</source>
        <translation>Für das Paket wurde kein Pfad angegeben.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1. Check the path and its permissions.</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden. Prüfen Sie den Pfad und seine Berechtigungen.</translation>
    </message>
    <message>
        <source>%1 is a directory. Name a file ending in .zip.</source>
        <translation>%1 ist ein Verzeichnis. Geben Sie eine Datei an, die auf .zip endet.</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Both recordings hold counters since the statistics reset: the change is the work done between them (unless the statistics were reset in between).</source>
        <translation>Beide Aufzeichnungen enthalten Zähler seit dem Zurücksetzen der Statistik: die Änderung ist die Arbeit zwischen ihnen (sofern die Statistik nicht dazwischen zurückgesetzt wurde).</translation>
    </message>
    <message>
        <source>One recording holds a window, the other counters since the statistics reset: the figures are not directly comparable. Collect both with --samples 2 or more.</source>
        <translation>Eine Aufzeichnung enthält ein Zeitfenster, die andere Zähler seit dem Zurücksetzen der Statistik: die Zahlen sind nicht direkt vergleichbar. Zeichnen Sie beide mit --samples 2 oder mehr auf.</translation>
    </message>
    <message>
        <source>Before: %1 at %2</source>
        <translation>Vorher: %1 um %2</translation>
    </message>
    <message>
        <source>After:  %1 at %2</source>
        <translation>Nachher: %1 um %2</translation>
    </message>
    <message>
        <source>Note: the two recordings come from different servers or databases.</source>
        <translation>Hinweis: die beiden Aufzeichnungen stammen von verschiedenen Servern oder Datenbanken.</translation>
    </message>
    <message>
        <source>Connections: %1 of %2 usable before, %3 of %4 after (%5)</source>
        <translation>Verbindungen: vorher %1 von %2 nutzbaren, nachher %3 von %4 (%5)</translation>
    </message>
    <message>
        <source>Root blockers: %1 new, %2 gone, %3 still there</source>
        <translation>Ursprüngliche Blockierer: %1 neu, %2 verschwunden, %3 noch da</translation>
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
        <source>still</source>
        <translation>noch da</translation>
    </message>
    <message>
        <source>unknown state</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <source>blocks 1 session</source>
        <translation>blockiert 1 Sitzung</translation>
    </message>
    <message>
        <source>blocks %1 sessions</source>
        <translation>blockiert %1 Sitzungen</translation>
    </message>
    <message>
        <source>pid %1: %2, %3</source>
        <translation>PID %1: %2, %3</translation>
    </message>
    <message>
        <source>pid %1: %2, application %3, %4</source>
        <translation>PID %1: %2, Anwendung %3, %4</translation>
    </message>
    <message>
        <source>last query: %1</source>
        <translation>letzte Abfrage: %1</translation>
    </message>
    <message>
        <source>ms per second of window</source>
        <translation>ms pro Sekunde des Zeitfensters</translation>
    </message>
    <message>
        <source>ms since the statistics reset</source>
        <translation>ms seit dem Zurücksetzen der Statistik</translation>
    </message>
    <message>
        <source>Statements whose time changed most (%1):</source>
        <translation>Anweisungen, deren Zeit sich am stärksten geändert hat (%1):</translation>
    </message>
    <message>
        <source>none changed.</source>
        <translation>keine hat sich geändert.</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(neu)</translation>
    </message>
    <message>
        <source>(gone)</source>
        <translation>(weg)</translation>
    </message>
    <message>
        <source>(text not available) id %1</source>
        <translation>(Text nicht verfügbar) ID %1</translation>
    </message>
    <message>
        <source>Settings that changed: %1</source>
        <translation>Geänderte Einstellungen: %1</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(nicht gelesen)</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The connection to %1 was lost during a sample (%2).</source>
        <translation>Die Verbindung zu %1 ist während einer Stichprobe abgebrochen (%2).</translation>
    </message>
    <message>
        <source>the socket %1</source>
        <translation>Socket %1</translation>
    </message>
    <message>
        <source>the user from the option files</source>
        <translation>Benutzer aus den Optionsdateien</translation>
    </message>
    <message>
        <source>%1 rejected %2: wrong password, or no such user for this client host.</source>
        <translation>%1 hat %2 abgewiesen: falsches Passwort, oder kein solcher Benutzer für diesen Client-Host.</translation>
    </message>
    <message>
        <source>The database %1 does not exist on %2.</source>
        <translation>Die Datenbank %1 existiert auf %2 nicht.</translation>
    </message>
    <message>
        <source>%1 may not use the database %2 on %3.</source>
        <translation>%1 darf die Datenbank %2 auf %3 nicht verwenden.</translation>
    </message>
    <message>
        <source>%1 does not accept connections from this host (%2).</source>
        <translation>%1 nimmt keine Verbindungen von diesem Host an (%2).</translation>
    </message>
    <message>
        <source>Authentication of %1 at %2 failed: %3</source>
        <translation>Die Anmeldung von %1 an %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 has no free connection slot (too many connections); ask a senior to check who holds them.</source>
        <translation>%1 hat keinen freien Verbindungsplatz (zu viele Verbindungen); bitten Sie einen erfahrenen Kollegen zu prüfen, wer sie hält.</translation>
    </message>
    <message>
        <source>The host name of %1 is unknown.</source>
        <translation>Der Hostname von %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>Could not connect to %1: connection refused or timed out after %2 s (%3).</source>
        <translation>Keine Verbindung zu %1 möglich: Verbindung abgelehnt oder nach %2 s keine Antwort (%3).</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL server, not MySQL or MariaDB: use a postgresql:// target for it.</source>
        <translation>%1 ist ein PostgreSQL-Server, nicht MySQL oder MariaDB: Verwenden Sie dafür ein postgresql://-Ziel.</translation>
    </message>
    <message>
        <source>%1 accepted the connection but did not answer like a MySQL or MariaDB server (%2).</source>
        <translation>%1 hat die Verbindung angenommen, aber nicht wie ein MySQL- oder MariaDB-Server geantwortet (%2).</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>The connection to %1 broke while setting it up (%2).</source>
        <translation>Die Verbindung zu %1 ist beim Einrichten abgebrochen (%2).</translation>
    </message>
    <message>
        <source>Setting up the monitoring session on %1 failed: %2</source>
        <translation>Das Einrichten der Überwachungssitzung auf %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The PostgreSQL connection target could not be read (%1). Use a postgresql:// URI, a libpq keyword string such as &quot;host=... dbname=...&quot; or service=NAME.</source>
        <translation>Das PostgreSQL-Verbindungsziel konnte nicht gelesen werden (%1). Geben Sie eine postgresql://-URI, eine libpq-Schlüsselwortzeichenfolge wie &quot;host=... dbname=...&quot; oder service=NAME an.</translation>
    </message>
    <message>
        <source>the local socket (port %1)</source>
        <translation>dem lokalen Socket (Port %1)</translation>
    </message>
    <message>
        <source>the local socket in %1 (port %2)</source>
        <translation>dem lokalen Socket in %1 (Port %2)</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Authentication failed for user %1 on %2. Check the password in ~/.pgpass, PGPASSWORD or the service file.</source>
        <translation>Die Anmeldung von Benutzer %1 an %2 ist fehlgeschlagen. Prüfen Sie das Passwort in ~/.pgpass, PGPASSWORD oder der Service-Datei.</translation>
    </message>
    <message>
        <source>The server at %1 wants a password for user %2 and none was found. Put it in ~/.pgpass, PGPASSWORD or the service file.</source>
        <translation>Der Server unter %1 verlangt ein Passwort für Benutzer %2, und keines wurde gefunden. Legen Sie es in ~/.pgpass, PGPASSWORD oder der Service-Datei ab.</translation>
    </message>
    <message>
        <source>Database %1 does not exist on %2. Check the database name in the connection target.</source>
        <translation>Die Datenbank %1 existiert auf %2 nicht. Prüfen Sie den Datenbanknamen im Verbindungsziel.</translation>
    </message>
    <message>
        <source>Role %1 does not exist on %2. Check the user name in the connection target.</source>
        <translation>Die Rolle %1 existiert auf %2 nicht. Prüfen Sie den Benutzernamen im Verbindungsziel.</translation>
    </message>
    <message>
        <source>The server at %1 does not accept this client for user %2 and database %3 (pg_hba.conf). Ask the DBA for an entry, or check user, database and TLS settings.</source>
        <translation>Der Server unter %1 lässt diesen Client für Benutzer %2 und Datenbank %3 nicht zu (pg_hba.conf). Bitten Sie den DBA um einen Eintrag, oder prüfen Sie Benutzer, Datenbank und TLS-Einstellungen.</translation>
    </message>
    <message>
        <source>The server at %1 refused user %2 for database %3 (%4). Check the role&apos;s login rights and the credentials.</source>
        <translation>Der Server unter %1 hat Benutzer %2 für Datenbank %3 abgewiesen (%4). Prüfen Sie das Anmelderecht der Rolle und die Zugangsdaten.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer as PostgreSQL (%2). Check the port: another service may listen there.</source>
        <translation>Der Server unter %1 hat nicht wie PostgreSQL geantwortet (%2). Prüfen Sie den Port: Dort lauscht vielleicht ein anderer Dienst.</translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1 (connection refused). Check host and port, and that the server is running.</source>
        <translation>Unter %1 nimmt niemand Verbindungen an (Verbindung abgelehnt). Prüfen Sie Host und Port und ob der Server läuft.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s. Check host, port, firewall and VPN.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s. Prüfen Sie Host, Port, Firewall und VPN.</translation>
    </message>
    <message>
        <source>There is no network route to %1. Check the host name, VPN and firewall.</source>
        <translation>Es gibt keine Netzwerkroute zu %1. Prüfen Sie Hostnamen, VPN und Firewall.</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved. Check the host name and DNS.</source>
        <translation>Der Hostname %1 konnte nicht aufgelöst werden. Prüfen Sie Hostnamen und DNS.</translation>
    </message>
    <message>
        <source>No PostgreSQL server listens on %1. Check the socket directory and port, or give host= for a TCP connection.</source>
        <translation>Auf %1 lauscht kein PostgreSQL-Server. Prüfen Sie Socket-Verzeichnis und Port, oder geben Sie host= für eine TCP-Verbindung an.</translation>
    </message>
    <message>
        <source>The server at %1 has no free connection slot (%2). Retry shortly; connection saturation is itself a finding to escalate.</source>
        <translation>Der Server unter %1 hat keinen freien Verbindungsplatz (%2). Versuchen Sie es gleich noch einmal; volle Verbindungen sind selbst ein Befund zum Eskalieren.</translation>
    </message>
    <message>
        <source>The server at %1 is not accepting connections right now (%2). Retry in a moment.</source>
        <translation>Der Server unter %1 nimmt gerade keine Verbindungen an (%2). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server certificate of %1 could not be verified with the CA in sslrootcert (%2). Point sslrootcert to the CA that signed the server&apos;s certificate.</source>
        <translation>Das Serverzertifikat von %1 konnte mit der CA in sslrootcert nicht geprüft werden (%2). Lassen Sie sslrootcert auf die CA zeigen, die das Zertifikat des Servers signiert hat.</translation>
    </message>
    <message>
        <source>The server certificate of %1 does not name the host %2 (%3). Connect with a host name the certificate lists.</source>
        <translation>Das Serverzertifikat von %1 nennt den Host %2 nicht (%3). Verbinden Sie sich mit einem Hostnamen, den das Zertifikat aufführt.</translation>
    </message>
    <message>
        <source>The sslrootcert file for %1 does not exist (%2). Give the path of the CA certificate.</source>
        <translation>Die sslrootcert-Datei für %1 existiert nicht (%2). Geben Sie den Pfad des CA-Zertifikats an.</translation>
    </message>
    <message>
        <source>The TLS/GSS set-up with %1 failed (%2). Check sslmode, sslrootcert and the server certificate.</source>
        <translation>Der TLS/GSS-Aufbau mit %1 ist fehlgeschlagen (%2). Prüfen Sie sslmode, sslrootcert und das Serverzertifikat.</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection during start-up (%2). Check that the port belongs to PostgreSQL and the server log.</source>
        <translation>Der Server unter %1 hat die Verbindung beim Start geschlossen (%2). Prüfen Sie, ob der Port zu PostgreSQL gehört, und das Serverprotokoll.</translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2). Check the connection target.</source>
        <translation>Keine Verbindung zu %1 möglich (%2). Prüfen Sie das Verbindungsziel.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during a sample; check that the server is up, then reconnect.</source>
        <translation>Die Verbindung zu %1 ist während einer Stichprobe abgebrochen; prüfen Sie, ob der Server läuft, und verbinden Sie sich dann neu.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during a sample (%2); check that the server is up, then reconnect.</source>
        <translation>Die Verbindung zu %1 ist während einer Stichprobe abgebrochen (%2); prüfen Sie, ob der Server läuft, und verbinden Sie sich dann neu.</translation>
    </message>
    <message>
        <source>Could not connect (%1). Check the connection target.</source>
        <translation>Keine Verbindung möglich (%1). Prüfen Sie das Verbindungsziel.</translation>
    </message>
    <message>
        <source>The server at %1 runs PostgreSQL %2; dbtriage supports PostgreSQL 12 to 17.</source>
        <translation>Auf dem Server unter %1 läuft PostgreSQL %2; dbtriage unterstützt PostgreSQL 12 bis 17.</translation>
    </message>
    <message>
        <source>The session on %1 did not become read-only (transaction_read_only is not on), so dbtriage stops here; check for a pooler or proxy that drops start-up options.</source>
        <translation>Die Sitzung auf %1 wurde nicht schreibgeschützt (transaction_read_only ist nicht on), daher hört dbtriage hier auf; suchen Sie nach einem Pooler oder Proxy, der Startoptionen verwirft.</translation>
    </message>
    <message>
        <source>The connection to %1 closed while setting up the session (%2). Try again.</source>
        <translation>Die Verbindung zu %1 wurde beim Einrichten der Sitzung geschlossen (%2). Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Setting up the monitoring session on %1 failed (%2). Check the role&apos;s rights.</source>
        <translation>Das Einrichten der Überwachungssitzung auf %1 ist fehlgeschlagen (%2). Prüfen Sie die Rechte der Rolle.</translation>
    </message>
    <message>
        <source>EXPLAIN gave up after the lock timeout (%1 ms): another session holds a conflicting lock on a table of the statement. Look at the lock waits, then retry.</source>
        <translation>EXPLAIN hat nach dem Sperr-Timeout (%1 ms) aufgegeben: Eine andere Sitzung hält eine unverträgliche Sperre auf einer Tabelle der Anweisung. Sehen Sie sich die Sperrwartezeiten an und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>EXPLAIN was cancelled by the statement timeout (%1 ms). Retry when the server is less busy.</source>
        <translation>EXPLAIN wurde durch das Statement-Timeout (%1 ms) abgebrochen. Versuchen Sie es erneut, wenn der Server weniger ausgelastet ist.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Grant the role the rights to read the statement&apos;s tables, or explain as a role that has them.</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1. Geben Sie der Rolle das Recht, die Tabellen der Anweisung zu lesen, oder erklären Sie sie als eine Rolle, die es hat.</translation>
    </message>
    <message>
        <source>EXPLAIN stopped: %1 (dbtriage runs EXPLAIN read-only, so a statement that writes, also inside a function, is stopped).</source>
        <translation>EXPLAIN wurde gestoppt: %1 (dbtriage führt EXPLAIN nur lesend aus, daher wird eine Anweisung gestoppt, die schreibt, auch innerhalb einer Funktion).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Check the statement, its database and the search_path.</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1. Prüfen Sie die Anweisung, ihre Datenbank und den search_path.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1.</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Check the statement.</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1. Prüfen Sie die Anweisung.</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE needs values for $1..$%1, and dbtriage does not invent them; explain without ANALYZE for a generic plan, or put real values in.</source>
        <translation>EXPLAIN ANALYZE braucht Werte für $1..$%1, und dbtriage erfindet keine; erklären Sie ohne ANALYZE für einen generischen Plan, oder setzen Sie echte Werte ein.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (ssl-mode=%2: %3)</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen (ssl-mode=%2: %3)</translation>
    </message>
    <message>
        <source>%1: a file named by ssl-ca, ssl-capath, ssl-cert or ssl-key cannot be read; check the paths.</source>
        <translation>%1: Eine in ssl-ca, ssl-capath, ssl-cert oder ssl-key genannte Datei kann nicht gelesen werden; prüfen Sie die Pfade.</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate does not name the host %2; connect with a host name (or address) its certificate lists.</source>
        <translation>%1: Das Zertifikat des Servers nennt den Host %2 nicht; verbinden Sie sich mit einem Hostnamen (oder einer Adresse), den das Zertifikat aufführt.</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate could not be verified with the CA in ssl-ca; check that ssl-ca names the CA that signed the server&apos;s certificate.</source>
        <translation>%1: Das Zertifikat des Servers konnte mit der CA in ssl-ca nicht geprüft werden; prüfen Sie, ob ssl-ca die CA nennt, die das Zertifikat des Servers signiert hat.</translation>
    </message>
    <message>
        <source>%1. Check ssl-mode, ssl-ca and the server&apos;s TLS set-up.</source>
        <translation>%1. Prüfen Sie ssl-mode, ssl-ca und die TLS-Einrichtung des Servers.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (ssl-mode=%2): the server does not offer TLS.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen (ssl-mode=%2): Der Server bietet kein TLS an.</translation>
    </message>
    <message>
        <source>%1 did not make the monitoring session read-only, so dbtriage does not go on.</source>
        <translation>%1 hat die Überwachungssitzung nicht schreibgeschützt gemacht, daher macht dbtriage nicht weiter.</translation>
    </message>
    <message>
        <source>%1 kept autocommit off for the monitoring session, so dbtriage does not go on.</source>
        <translation>%1 hat autocommit für die Überwachungssitzung ausgeschaltet gelassen, daher macht dbtriage nicht weiter.</translation>
    </message>
    <message>
        <source>The connection to %1 is closed; connect again.</source>
        <translation>Die Verbindung zu %1 ist geschlossen; verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during EXPLAIN (%2).</source>
        <translation>Die Verbindung zu %1 ist während EXPLAIN abgebrochen (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>Die Verbindung zu %1 ist abgebrochen (%2).</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE needs the real values, and this digest text has %1 placeholders (? or ...); explain it without ANALYZE, or put real values in.</source>
        <translation>EXPLAIN ANALYZE braucht die echten Werte, und dieser Digest-Text hat %1 Platzhalter (? oder ...); erklären Sie ihn ohne ANALYZE, oder setzen Sie echte Werte ein.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1 (dbtriage runs EXPLAIN read-only, so a statement that writes, also inside a function, is stopped).</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1 (dbtriage führt EXPLAIN nur lesend aus, daher wird eine Anweisung gestoppt, die schreibt, auch innerhalb einer Funktion).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1 (the statement timeout, %2 ms, stopped it; retry when the server is less busy).</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1 (das Statement-Timeout von %2 ms hat es gestoppt; versuchen Sie es erneut, wenn der Server weniger ausgelastet ist).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1 (the lock wait timeout stopped it; look at the lock waits, then retry).</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1 (das Timeout für Sperrwartezeiten hat es gestoppt; sehen Sie sich die Sperrwartezeiten an und versuchen Sie es dann erneut).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Check the database name and the account&apos;s rights.</source>
        <translation>EXPLAIN ist fehlgeschlagen: %1. Prüfen Sie den Datenbanknamen und die Rechte des Kontos.</translation>
    </message>
    <message>
        <source>Not connected to %1; reconnect first.</source>
        <translation>Keine Verbindung zu %1; verbinden Sie sich zuerst neu.</translation>
    </message>
    <message>
        <source>Could not connect to database %1 for EXPLAIN: %2</source>
        <translation>Keine Verbindung zur Datenbank %1 für EXPLAIN möglich: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during EXPLAIN (%2); reconnect and retry.</source>
        <translation>Die Verbindung zu %1 ist während EXPLAIN abgebrochen (%2); verbinden Sie sich neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The %1 in the connection URI has a &apos;%&apos; that is not followed by two hex digits.</source>
        <translation>In der Verbindungs-URI enthält %1 ein &apos;%&apos;, auf das keine zwei Hexadezimalziffern folgen.</translation>
    </message>
    <message>
        <source>ssl-mode must be one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY, not &apos;%1&apos;.</source>
        <translation>ssl-mode muss DISABLED, PREFERRED, REQUIRED, VERIFY_CA oder VERIFY_IDENTITY sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Put the password in the user part (mysql://user:password@host) or in an option file, not in a query parameter.</source>
        <translation>Geben Sie das Passwort im Benutzerteil (mysql://user:password@host) oder in einer Optionsdatei an, nicht in einem Abfrageparameter.</translation>
    </message>
    <message>
        <source>Unknown parameter &apos;%1&apos; in the connection URI (known: ssl-mode, ssl-ca, ssl-capath, ssl-cert, ssl-key, socket, option-file, option-group).</source>
        <translation>Unbekannter Parameter &apos;%1&apos; in der Verbindungs-URI (bekannt: ssl-mode, ssl-ca, ssl-capath, ssl-cert, ssl-key, socket, option-file, option-group).</translation>
    </message>
    <message>
        <source>A MySQL target must look like mysql://user@host:port/database.</source>
        <translation>Ein MySQL-Ziel muss wie mysql://user@host:port/database aussehen.</translation>
    </message>
    <message>
        <source>A MySQL target must start with mysql:// or mariadb://.</source>
        <translation>Ein MySQL-Ziel muss mit mysql:// oder mariadb:// beginnen.</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>der Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <translation>das Passwort</translation>
    </message>
    <message>
        <source>The IPv6 address in the connection URI lacks its closing &apos;]&apos;.</source>
        <translation>Der IPv6-Adresse in der Verbindungs-URI fehlt die schließende &apos;]&apos;.</translation>
    </message>
    <message>
        <source>Unexpected text after the IPv6 address in the connection URI.</source>
        <translation>Unerwarteter Text nach der IPv6-Adresse in der Verbindungs-URI.</translation>
    </message>
    <message>
        <source>host name</source>
        <translation>der Hostname</translation>
    </message>
    <message>
        <source>The port in the connection URI must be a number from 1 to 65535, not &apos;%1&apos;.</source>
        <translation>Der Port in der Verbindungs-URI muss eine Zahl von 1 bis 65535 sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>database name</source>
        <translation>der Datenbankname</translation>
    </message>
    <message>
        <source>The database name in the connection URI must not contain &apos;/&apos;.</source>
        <translation>Der Datenbankname in der Verbindungs-URI darf kein &apos;/&apos; enthalten.</translation>
    </message>
    <message>
        <source>parameter name</source>
        <translation>der Parametername</translation>
    </message>
    <message>
        <source>ssl-mode=DISABLED contradicts the ssl-ca / ssl-cert / ssl-key parameters.</source>
        <translation>ssl-mode=DISABLED widerspricht den Parametern ssl-ca / ssl-cert / ssl-key.</translation>
    </message>
    <message>
        <source>ssl-mode=%1 needs ssl-ca (or ssl-capath): the certificate authority to verify the server against.</source>
        <translation>ssl-mode=%1 braucht ssl-ca (oder ssl-capath): die Zertifizierungsstelle, gegen die der Server geprüft wird.</translation>
    </message>
    <message>
        <source>The digest text has %1 placeholders (? and ...); dbtriage put &apos;1&apos; in their place (1 after LIMIT), so this is the plan for one plausible value, not for the values the application sent.</source>
        <translation>Der Digest-Text hat %1 Platzhalter (? und ...); dbtriage hat &apos;1&apos; an ihre Stelle gesetzt (1 nach LIMIT), daher ist dies der Plan für einen plausiblen Wert, nicht für die Werte, die die Anwendung gesendet hat.</translation>
    </message>
    <message>
        <source>Explained with default schema %1.</source>
        <translation>Mit dem Standardschema %1 erklärt.</translation>
    </message>
    <message>
        <source>The session had no default schema before; it keeps %1 (dbtriage&apos;s own statements name their schemas).</source>
        <translation>Die Sitzung hatte vorher kein Standardschema; sie behält %1 (dbtriages eigene Anweisungen nennen ihre Schemas).</translation>
    </message>
    <message>
        <source>The digest printed table names in upper case; they were explained in lower case.</source>
        <translation>Der Digest gab Tabellennamen in Großbuchstaben aus; sie wurden in Kleinbuchstaben erklärt.</translation>
    </message>
    <message>
        <source>ANALYZE ran the SELECT inside a read-only transaction that was rolled back.</source>
        <translation>ANALYZE hat das SELECT in einer nur lesenden Transaktion ausgeführt, die zurückgerollt wurde.</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE ran the SELECT inside a read-only transaction that was rolled back.</source>
        <translation>EXPLAIN ANALYZE hat das SELECT in einer nur lesenden Transaktion ausgeführt, die zurückgerollt wurde.</translation>
    </message>
    <message>
        <source>Rewrote the statement so that PREPARE accepts it (parsed and printed back by libpg_query, e.g. interval $1 becomes $1::interval).</source>
        <translation>Die Anweisung wurde umgeschrieben, damit PREPARE sie annimmt (von libpg_query gelesen und wieder ausgegeben, z. B. wird interval $1 zu $1::interval).</translation>
    </message>
    <message>
        <source>Generic plan: planned without parameter values (PREPARE with plan_cache_mode = force_generic_plan, EXECUTE with NULL for $1..$%1), so row estimates use average selectivities.</source>
        <translation>Generischer Plan: ohne Parameterwerte geplant (PREPARE mit plan_cache_mode = force_generic_plan, EXECUTE mit NULL für $1..$%1), daher beruhen die Zeilenschätzungen auf durchschnittlichen Selektivitäten.</translation>
    </message>
    <message>
        <source>PREPARE could not infer every parameter type; dbtriage used (%1).</source>
        <translation>PREPARE konnte nicht jeden Parametertyp ableiten; dbtriage hat (%1) verwendet.</translation>
    </message>
    <message>
        <source>Explained in database %1 on a second, short-lived connection.</source>
        <translation>In der Datenbank %1 über eine zweite, kurzlebige Verbindung erklärt.</translation>
    </message>
    <message>
        <source>Only SELECT and SHOW are sent through this session.</source>
        <translation>Über diese Sitzung werden nur SELECT und SHOW gesendet.</translation>
    </message>
    <message>
        <source>%1 (error %2)</source>
        <translation>%1 (Fehler %2)</translation>
    </message>
    <message>
        <source>EXPLAIN returned no plan.</source>
        <translation>EXPLAIN hat keinen Plan geliefert.</translation>
    </message>
    <message>
        <source>the server shut down or an administrator ended the session</source>
        <translation>der Server wurde heruntergefahren oder eine Administratorin hat die Sitzung beendet</translation>
    </message>
    <message>
        <source>the server restarted after a crash</source>
        <translation>der Server wurde nach einem Absturz neu gestartet</translation>
    </message>
    <message>
        <source>the server is not accepting connections</source>
        <translation>der Server nimmt keine Verbindungen an</translation>
    </message>
    <message>
        <source>the server ended the idle session</source>
        <translation>der Server hat die untätige Sitzung beendet</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the connection was already closed</source>
        <translation>die Verbindung war schon geschlossen</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>application %1</source>
        <translation>Anwendung %1</translation>
    </message>
    <message>
        <source>a lock</source>
        <translation>eine Sperre</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>1 more lock</source>
        <translation>1 weitere Sperre</translation>
    </message>
    <message>
        <source>%1 more locks</source>
        <translation>%1 weitere Sperren</translation>
    </message>
    <message>
        <source>; it holds %1</source>
        <translation>; sie hält %1</translation>
    </message>
    <message>
        <source>is in an unknown state and</source>
        <translation>ist in einem unbekannten Zustand und</translation>
    </message>
    <message>
        <source>is no longer in the session list (it may have just ended) and</source>
        <translation>steht nicht mehr in der Sitzungsliste (sie wurde vielleicht gerade beendet) und</translation>
    </message>
    <message>
        <source>is a sleeping connection with an open transaction (open for %1, idle for %2) and</source>
        <translation>ist eine schlafende Verbindung mit offener Transaktion (offen seit %1, untätig seit %2) und</translation>
    </message>
    <message>
        <source>is a sleeping connection with an open transaction (open for %1) and</source>
        <translation>ist eine schlafende Verbindung mit offener Transaktion (offen seit %1) und</translation>
    </message>
    <message>
        <source>is a sleeping connection (idle for %1) and</source>
        <translation>ist eine schlafende Verbindung (untätig seit %1) und</translation>
    </message>
    <message>
        <source>is a sleeping connection and</source>
        <translation>ist eine schlafende Verbindung und</translation>
    </message>
    <message>
        <source>is idle in a failed (aborted) transaction for %1 (transaction open for %2) and</source>
        <translation>ist seit %1 untätig in einer fehlgeschlagenen (abgebrochenen) Transaktion (Transaktion offen seit %2) und</translation>
    </message>
    <message>
        <source>is idle in transaction for %1 (transaction open for %2) and</source>
        <translation>ist seit %1 untätig in einer Transaktion (Transaktion offen seit %2) und</translation>
    </message>
    <message>
        <source>is idle in a failed (aborted) transaction for %1 and</source>
        <translation>ist seit %1 untätig in einer fehlgeschlagenen (abgebrochenen) Transaktion und</translation>
    </message>
    <message>
        <source>is idle in transaction for %1 and</source>
        <translation>ist seit %1 untätig in einer Transaktion und</translation>
    </message>
    <message>
        <source>is idle in a failed (aborted) transaction and</source>
        <translation>ist untätig in einer fehlgeschlagenen (abgebrochenen) Transaktion und</translation>
    </message>
    <message>
        <source>is idle in transaction and</source>
        <translation>ist untätig in einer Transaktion und</translation>
    </message>
    <message>
        <source>has been running a statement for %1 and</source>
        <translation>führt seit %1 eine Anweisung aus und</translation>
    </message>
    <message>
        <source>is running a statement and</source>
        <translation>führt eine Anweisung aus und</translation>
    </message>
    <message>
        <source>is idle outside a transaction for %1 (a session-level lock such as an advisory lock) and</source>
        <translation>ist seit %1 untätig außerhalb einer Transaktion (eine Sperre auf Sitzungsebene, etwa eine Advisory-Sperre) und</translation>
    </message>
    <message>
        <source>is idle outside a transaction (a session-level lock such as an advisory lock) and</source>
        <translation>ist untätig außerhalb einer Transaktion (eine Sperre auf Sitzungsebene, etwa eine Advisory-Sperre) und</translation>
    </message>
    <message>
        <source>is in state &quot;%1&quot; and</source>
        <translation>ist im Zustand „%1“ und</translation>
    </message>
    <message>
        <source>Ask the owner of %1 to commit or roll back that transaction; if that cannot happen quickly, an authorised person can end the session with the command below, which rolls its transaction back and releases its locks. pg_cancel_backend would not help: it only cancels a running statement and this session is idle.</source>
        <translation>Bitten Sie die Verantwortlichen für %1, diese Transaktion zu bestätigen oder zurückzurollen; geht das nicht schnell, kann eine berechtigte Person die Sitzung mit dem Befehl unten beenden, der ihre Transaktion zurückrollt und ihre Sperren freigibt. pg_cancel_backend hilft hier nicht: Es bricht nur eine laufende Anweisung ab, und diese Sitzung ist untätig.</translation>
    </message>
    <message>
        <source>Find out with the owner of %1 what the statement does: pg_cancel_backend(%2) cancels only the running statement (inside an explicit transaction the locks stay until the client rolls back); the command below ends the session and releases its locks. Either is for an authorised person.</source>
        <translation>Klären Sie mit den Verantwortlichen für %1, was die Anweisung tut: pg_cancel_backend(%2) bricht nur die laufende Anweisung ab (in einer expliziten Transaktion bleiben die Sperren, bis der Client zurückrollt); der Befehl unten beendet die Sitzung und gibt ihre Sperren frei. Beides ist Sache einer berechtigten Person.</translation>
    </message>
    <message>
        <source>The session holds a session-level lock while idle; ask the owner of %1 to release it (for example pg_advisory_unlock), or an authorised person can end the session with the command below. pg_cancel_backend would not help: no statement is running.</source>
        <translation>Die Sitzung hält im Leerlauf eine Sperre auf Sitzungsebene; bitten Sie die Verantwortlichen für %1, sie freizugeben (etwa mit pg_advisory_unlock), oder eine berechtigte Person beendet die Sitzung mit dem Befehl unten. pg_cancel_backend hilft hier nicht: Es läuft keine Anweisung.</translation>
    </message>
    <message>
        <source>Find out with the owner of %1 why the session holds its locks; an authorised person can end it with the command below, which rolls back its transaction and releases its locks.</source>
        <translation>Klären Sie mit den Verantwortlichen für %1, warum die Sitzung ihre Sperren hält; eine berechtigte Person kann sie mit dem Befehl unten beenden, der ihre Transaktion zurückrollt und ihre Sperren freigibt.</translation>
    </message>
    <message>
        <source>This is a sleeping connection with an open transaction: the application ran statements, did not commit, and went quiet. Ask the owner of %1 to commit or roll back; if that cannot happen quickly, an authorised person can run the command below, which closes the connection and rolls the transaction back. KILL QUERY would not help: no statement is running.</source>
        <translation>Das ist eine schlafende Verbindung mit offener Transaktion: Die Anwendung hat Anweisungen ausgeführt, nicht bestätigt und ist verstummt. Bitten Sie die Verantwortlichen für %1, zu bestätigen oder zurückzurollen; geht das nicht schnell, kann eine berechtigte Person den Befehl unten ausführen, der die Verbindung schließt und die Transaktion zurückrollt. KILL QUERY hilft hier nicht: Es läuft keine Anweisung.</translation>
    </message>
    <message>
        <source>The connection sleeps while holding locks (LOCK TABLES, GET_LOCK or an open transaction); ask the owner of %1 to release them, or an authorised person can run the command below, which closes the connection. KILL QUERY would not help: no statement is running.</source>
        <translation>Die Verbindung schläft und hält dabei Sperren (LOCK TABLES, GET_LOCK oder eine offene Transaktion); bitten Sie die Verantwortlichen für %1, sie freizugeben, oder eine berechtigte Person führt den Befehl unten aus, der die Verbindung schließt. KILL QUERY hilft hier nicht: Es läuft keine Anweisung.</translation>
    </message>
    <message>
        <source>Find out with the owner of %1 what the statement does: KILL QUERY %2 stops only the running statement; the command below closes the connection and rolls back its transaction. Either is for an authorised person.</source>
        <translation>Klären Sie mit den Verantwortlichen für %1, was die Anweisung tut: KILL QUERY %2 stoppt nur die laufende Anweisung; der Befehl unten schließt die Verbindung und rollt ihre Transaktion zurück. Beides ist Sache einer berechtigten Person.</translation>
    </message>
    <message>
        <source>blocks 1 session</source>
        <translation>blockiert 1 Sitzung</translation>
    </message>
    <message>
        <source>blocks %1 sessions</source>
        <translation>blockiert %1 Sitzungen</translation>
    </message>
    <message>
        <source> (%1 directly)</source>
        <translation> (%1 direkt)</translation>
    </message>
    <message>
        <source>, the oldest waiting statement started %1 ago</source>
        <translation>, die älteste wartende Anweisung begann vor %1</translation>
    </message>
    <message>
        <source>Session %1%2 %3 %4%5.</source>
        <translation>Sitzung %1%2 %3 %4%5.</translation>
    </message>
    <message>
        <source>Sessions %1 wait on each other in a lock cycle</source>
        <translation>Die Sitzungen %1 warten in einem Sperrzyklus aufeinander</translation>
    </message>
    <message>
        <source>Session %1 waits in a lock cycle</source>
        <translation>Sitzung %1 wartet in einem Sperrzyklus</translation>
    </message>
    <message>
        <source>; 1 more session waits behind them</source>
        <translation>; 1 weitere Sitzung wartet dahinter</translation>
    </message>
    <message>
        <source>; %1 more sessions wait behind them</source>
        <translation>; %1 weitere Sitzungen warten dahinter</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s deadlock detector cancels one of them after deadlock_timeout when the cycle is a real deadlock; if the same cycle is still there in the next samples, an authorised person can end one of the sessions (the command below ends pid %1).</source>
        <translation>Die Deadlock-Erkennung von PostgreSQL bricht nach deadlock_timeout eine davon ab, wenn der Zyklus ein echter Deadlock ist; besteht derselbe Zyklus in den nächsten Stichproben noch, kann eine berechtigte Person eine der Sitzungen beenden (der Befehl unten beendet PID %1).</translation>
    </message>
    <message>
        <source>InnoDB normally detects deadlocks at once and rolls one transaction back; a cycle that stays means deadlock detection is off (innodb_deadlock_detect) or a metadata or user lock is involved, and only lock wait timeouts will end it. An authorised person can end one of the sessions (the command below ends pid %1).</source>
        <translation>InnoDB erkennt Deadlocks normalerweise sofort und rollt eine Transaktion zurück; ein Zyklus, der bleibt, bedeutet, dass die Deadlock-Erkennung aus ist (innodb_deadlock_detect) oder eine Metadaten- oder Benutzersperre beteiligt ist, und nur Sperr-Timeouts werden ihn beenden. Eine berechtigte Person kann eine der Sitzungen beenden (der Befehl unten beendet PID %1).</translation>
    </message>
    <message>
        <source>%1 from pid %2</source>
        <translation>%1 von PID %2</translation>
    </message>
    <message>
        <source>%1 from pid %2 (%3)</source>
        <translation>%1 von PID %2 (%3)</translation>
    </message>
    <message>
        <source> has been queued for %1</source>
        <translation> wartet seit %1 in der Warteschlange</translation>
    </message>
    <message>
        <source> is queued</source>
        <translation> steht in der Warteschlange</translation>
    </message>
    <message>
        <source> behind the transaction of pid %1 (open for %2)</source>
        <translation> hinter der Transaktion von PID %1 (offen seit %2)</translation>
    </message>
    <message>
        <source> behind the transaction of pid %1</source>
        <translation> hinter der Transaktion von PID %1</translation>
    </message>
    <message>
        <source> behind the transactions of pids %1</source>
        <translation> hinter den Transaktionen der PIDs %1</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>die Tabelle</translation>
    </message>
    <message>
        <source>; nothing waits behind it yet.</source>
        <translation>; dahinter wartet noch nichts.</translation>
    </message>
    <message>
        <source>; 1 session that only reads %1 waits behind the %2.</source>
        <translation>; 1 Sitzung, die %1 nur liest, wartet hinter dem %2.</translation>
    </message>
    <message>
        <source>; %1 sessions that only read %2 wait behind the %3.</source>
        <translation>; %1 Sitzungen, die %2 nur lesen, warten hinter dem %3.</translation>
    </message>
    <message>
        <source>; 1 session waits behind the %1 on %2</source>
        <translation>; 1 Sitzung wartet hinter dem %1 auf %2</translation>
    </message>
    <message>
        <source>; %1 sessions wait behind the %2 on %3</source>
        <translation>; %1 Sitzungen warten hinter dem %2 auf %3</translation>
    </message>
    <message>
        <source> (%1 of them only read)</source>
        <translation> (%1 davon lesen nur)</translation>
    </message>
    <message>
        <source>, application %1</source>
        <translation>, Anwendung %1</translation>
    </message>
    <message>
        <source>lock_timeout (for example SET lock_timeout = &apos;5s&apos;)</source>
        <translation>lock_timeout (zum Beispiel SET lock_timeout = &apos;5s&apos;)</translation>
    </message>
    <message>
        <source>lock_wait_timeout (for example SET SESSION lock_wait_timeout = 5)</source>
        <translation>lock_wait_timeout (zum Beispiel SET SESSION lock_wait_timeout = 5)</translation>
    </message>
    <message>
        <source>%1 of %2 usable connection slots are in use (%3)</source>
        <translation>%1 von %2 nutzbaren Verbindungsplätzen sind belegt (%3)</translation>
    </message>
    <message>
        <source>%1 is idle</source>
        <translation>%1 ist untätig</translation>
    </message>
    <message>
        <source>%1 are idle</source>
        <translation>%1 sind untätig</translation>
    </message>
    <message>
        <source>%1 idle in transaction (%2 of them from application %3)</source>
        <translation>%1 untätig in Transaktion (%2 davon von Anwendung %3)</translation>
    </message>
    <message>
        <source>%1 idle in transaction</source>
        <translation>%1 untätig in Transaktion</translation>
    </message>
    <message>
        <source>%1 is active</source>
        <translation>%1 ist aktiv</translation>
    </message>
    <message>
        <source>%1 are active</source>
        <translation>%1 sind aktiv</translation>
    </message>
    <message>
        <source>; application %1 holds the most (%2)</source>
        <translation>; Anwendung %1 belegt die meisten (%2)</translation>
    </message>
    <message>
        <source>Look at application %1 first: check its connection pool size and that it commits or rolls back promptly (idle-in-transaction sessions keep their slot and their locks).</source>
        <translation>Sehen Sie sich zuerst Anwendung %1 an: Prüfen Sie die Größe ihres Verbindungspools und ob sie zügig bestätigt oder zurückrollt (Sitzungen, die untätig in einer Transaktion sind, behalten ihren Platz und ihre Sperren).</translation>
    </message>
    <message>
        <source>Find out which clients hold the connections (by application, user and client address) and check their pool sizes.</source>
        <translation>Finden Sie heraus, welche Clients die Verbindungen halten (nach Anwendung, Benutzer und Client-Adresse), und prüfen Sie deren Poolgrößen.</translation>
    </message>
    <message>
        <source>A pooler such as PgBouncer in transaction mode lets many clients share few server connections; raising max_connections costs memory and is a reviewed change.</source>
        <translation>Ein Pooler wie PgBouncer im Transaktionsmodus lässt viele Clients wenige Serververbindungen teilen; max_connections zu erhöhen kostet Speicher und ist eine geprüfte Änderung.</translation>
    </message>
    <message>
        <source>A proxy such as ProxySQL lets many clients share few server connections; raising max_connections costs memory and is a reviewed change.</source>
        <translation>Ein Proxy wie ProxySQL lässt viele Clients wenige Serververbindungen teilen; max_connections zu erhöhen kostet Speicher und ist eine geprüfte Änderung.</translation>
    </message>
    <message>
        <source>; %1 of them come from application %2</source>
        <translation>; %1 davon kommen von Anwendung %2</translation>
    </message>
    <message>
        <source>1 session has been idle in transaction for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>1 Sitzung ist seit mehr als %2 untätig in einer Transaktion; die älteste, PID %3%4, seit %5</translation>
    </message>
    <message>
        <source>%1 sessions have been idle in transaction for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>%1 Sitzungen sind seit mehr als %2 untätig in einer Transaktion; die älteste, PID %3%4, seit %5</translation>
    </message>
    <message>
        <source> (transaction open for %1)</source>
        <translation> (Transaktion offen seit %1)</translation>
    </message>
    <message>
        <source>; pid %1, also idle in transaction, blocks other sessions and is reported as a root blocker</source>
        <translation>; PID %1, ebenfalls untätig in einer Transaktion, blockiert andere Sitzungen und wird als Hauptblockierer gemeldet</translation>
    </message>
    <message>
        <source>; pids %1, also idle in transaction, block other sessions and are reported as root blockers</source>
        <translation>; die PIDs %1, ebenfalls untätig in einer Transaktion, blockieren andere Sitzungen und werden als Hauptblockierer gemeldet</translation>
    </message>
    <message>
        <source>Ask the owner of %1 to commit or roll back promptly: these sessions keep their locks and hold back the xmin horizon, so vacuum cannot remove dead rows. idle_in_transaction_session_timeout (set per role or database) ends such sessions automatically; an authorised person can end the oldest with the command below.</source>
        <translation>Bitten Sie die Verantwortlichen für %1, zügig zu bestätigen oder zurückzurollen: Diese Sitzungen behalten ihre Sperren und halten den xmin-Horizont zurück, sodass VACUUM tote Zeilen nicht entfernen kann. idle_in_transaction_session_timeout (pro Rolle oder Datenbank gesetzt) beendet solche Sitzungen automatisch; eine berechtigte Person kann die älteste mit dem Befehl unten beenden.</translation>
    </message>
    <message>
        <source>Ask the owner of %1 to commit or roll back promptly: these sleeping connections keep their row locks and stop InnoDB from purging old row versions (the history list grows). An authorised person can end the oldest with the command below, which rolls its transaction back.</source>
        <translation>Bitten Sie die Verantwortlichen für %1, zügig zu bestätigen oder zurückzurollen: Diese schlafenden Verbindungen behalten ihre Zeilensperren und hindern InnoDB daran, alte Zeilenversionen zu bereinigen (die History List wächst). Eine berechtigte Person kann die älteste mit dem Befehl unten beenden, der ihre Transaktion zurückrollt.</translation>
    </message>
    <message>
        <source>1 statement has been running for more than %2; the longest, pid %3%4, for %5%6.</source>
        <translation>1 Anweisung läuft seit mehr als %2; die längste, PID %3%4, seit %5%6.</translation>
    </message>
    <message>
        <source>%1 statements have been running for more than %2; the longest, pid %3%4, for %5%6.</source>
        <translation>%1 Anweisungen laufen seit mehr als %2; die längste, PID %3%4, seit %5%6.</translation>
    </message>
    <message>
        <source>Check with the owner of %1 whether that run time is expected (a report or a batch job) or a plan gone wrong (look at the statement&apos;s plan); an authorised person can cancel the statement with the command below, which keeps the session.</source>
        <translation>Prüfen Sie mit den Verantwortlichen für %1, ob diese Laufzeit erwartet ist (ein Bericht oder ein Batch-Job) oder ein schiefgegangener Plan (sehen Sie sich den Plan der Anweisung an); eine berechtigte Person kann die Anweisung mit dem Befehl unten abbrechen, die Sitzung bleibt bestehen.</translation>
    </message>
    <message>
        <source>Check with the owner of %1 whether that run time is expected (a report or a batch job) or a plan gone wrong (look at the statement&apos;s plan); an authorised person can cancel the statement with the command below, which keeps the connection.</source>
        <translation>Prüfen Sie mit den Verantwortlichen für %1, ob diese Laufzeit erwartet ist (ein Bericht oder ein Batch-Job) oder ein schiefgegangener Plan (sehen Sie sich den Plan der Anweisung an); eine berechtigte Person kann die Anweisung mit dem Befehl unten abbrechen, die Verbindung bleibt bestehen.</translation>
    </message>
    <message>
        <source>1 transaction has been open for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>1 Transaktion ist seit mehr als %2 offen; die älteste, PID %3%4, seit %5</translation>
    </message>
    <message>
        <source>%1 transactions have been open for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>%1 Transaktionen sind seit mehr als %2 offen; die älteste, PID %3%4, seit %5</translation>
    </message>
    <message>
        <source> (now %1)</source>
        <translation> (jetzt %1)</translation>
    </message>
    <message>
        <source>; it holds the xmin horizon back by %1 transactions</source>
        <translation>; sie hält den xmin-Horizont um %1 Transaktionen zurück</translation>
    </message>
    <message>
        <source>Long transactions hold back the xmin horizon, so vacuum cannot remove dead rows anywhere in the database and tables and indexes bloat; ask the owner of %1 whether the transaction needs to stay open, and have batch jobs commit in smaller pieces.</source>
        <translation>Lange Transaktionen halten den xmin-Horizont zurück, sodass VACUUM nirgends in der Datenbank tote Zeilen entfernen kann und Tabellen und Indexe aufblähen; fragen Sie die Verantwortlichen für %1, ob die Transaktion offen bleiben muss, und lassen Sie Batch-Jobs in kleineren Stücken bestätigen.</translation>
    </message>
    <message>
        <source>Long transactions stop InnoDB from purging old row versions (the history list grows and reads slow down); ask the owner of %1 whether the transaction needs to stay open, and have batch jobs commit in smaller pieces.</source>
        <translation>Lange Transaktionen hindern InnoDB daran, alte Zeilenversionen zu bereinigen (die History List wächst und Lesezugriffe werden langsamer); fragen Sie die Verantwortlichen für %1, ob die Transaktion offen bleiben muss, und lassen Sie Batch-Jobs in kleineren Stücken bestätigen.</translation>
    </message>
    <message>
        <source>Statement statistics were reset during the window; the figures of the affected statements count only the time since the reset.</source>
        <translation>Die Anweisungsstatistiken wurden im Zeitfenster zurückgesetzt; die Kennzahlen der betroffenen Anweisungen zählen nur die Zeit seit dem Zurücksetzen.</translation>
    </message>
    <message>
        <source>Compare a longer window later, or ask who reset the statistics.</source>
        <translation>Vergleichen Sie später ein längeres Zeitfenster, oder fragen Sie nach, wer die Statistiken zurückgesetzt hat.</translation>
    </message>
    <message>
        <source>Check the figures against psql if something looks wrong.</source>
        <translation>Gleichen Sie die Kennzahlen mit psql ab, wenn etwas falsch aussieht.</translation>
    </message>
    <message>
        <source>Add pg_stat_statements to shared_preload_libraries and restart the server.</source>
        <translation>Nehmen Sie pg_stat_statements in shared_preload_libraries auf und starten Sie den Server neu.</translation>
    </message>
    <message>
        <source>Create a monitoring role with pg_monitor and connect with it instead (choose the password yourself and keep it in ~/.pgpass).</source>
        <translation>Legen Sie eine Überwachungsrolle mit pg_monitor an und verbinden Sie sich stattdessen mit ihr (wählen Sie das Passwort selbst und legen Sie es in ~/.pgpass ab).</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>dbtriage is connected as %1, a superuser; a role in pg_monitor is enough.</source>
        <translation>dbtriage ist als %1 verbunden, einem Superuser; eine Rolle in pg_monitor genügt.</translation>
    </message>
    <message>
        <source>Role %1 is not a member of pg_monitor (pg_read_all_stats): for other users&apos; sessions pg_stat_activity shows &quot;&lt;insufficient privilege&gt;&quot; instead of the query and hides their state, wait events, client and times, and pg_stat_statements hides their statements&apos; texts and ids, so their statements are missing from the top statements and root blockers of other users show no query.</source>
        <translation>Rolle %1 ist kein Mitglied von pg_monitor (pg_read_all_stats): Für Sitzungen anderer Benutzer zeigt pg_stat_activity „&lt;insufficient privilege&gt;“ statt der Anweisung und verbirgt Zustand, Warteereignisse, Client und Zeiten, und pg_stat_statements verbirgt Texte und IDs ihrer Anweisungen; deshalb fehlen diese in den Top-Anweisungen, und Hauptblockierer anderer Benutzer zeigen keine Anweisung.</translation>
    </message>
    <message>
        <source>Ask a DBA to grant pg_monitor to %1; lock waits themselves stay complete (pg_locks is readable by every role).</source>
        <translation>Bitten Sie einen DBA, %1 die Rolle pg_monitor zu gewähren; die Sperrwartezeiten selbst bleiben vollständig (pg_locks ist für jede Rolle lesbar).</translation>
    </message>
    <message>
        <source>pg_stat_statements is loaded but not created in database %1: top statements are not available.</source>
        <translation>pg_stat_statements ist geladen, aber in der Datenbank %1 nicht angelegt: Top-Anweisungen sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>Create the extension in %1 (no restart needed).</source>
        <translation>Legen Sie die Erweiterung in %1 an (kein Neustart nötig).</translation>
    </message>
    <message>
        <source>pg_stat_statements is not installed in database %1: top statements are not available.</source>
        <translation>pg_stat_statements ist in der Datenbank %1 nicht installiert: Top-Anweisungen sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>Add pg_stat_statements to shared_preload_libraries (this needs a server restart), then create the extension in %1.</source>
        <translation>Nehmen Sie pg_stat_statements in shared_preload_libraries auf (das erfordert einen Neustart des Servers) und legen Sie dann die Erweiterung in %1 an.</translation>
    </message>
    <message>
        <source>If it is not there yet, add pg_stat_statements to shared_preload_libraries (this needs a server restart), then create the extension in %1.</source>
        <translation>Falls noch nicht geschehen, nehmen Sie pg_stat_statements in shared_preload_libraries auf (das erfordert einen Neustart des Servers) und legen Sie dann die Erweiterung in %1 an.</translation>
    </message>
    <message>
        <source>pg_stat_statements is created in database %1 but not in shared_preload_libraries, so it collects nothing.</source>
        <translation>pg_stat_statements ist in der Datenbank %1 angelegt, steht aber nicht in shared_preload_libraries und sammelt deshalb nichts.</translation>
    </message>
    <message>
        <source>PostgreSQL %1 is newer than the versions dbtriage was tested with (12 to 17).</source>
        <translation>PostgreSQL %1 ist neuer als die Versionen, mit denen dbtriage getestet wurde (12 bis 17).</translation>
    </message>
    <message>
        <source>performance_schema is OFF on this server, so top statements, metadata-lock waits (the ALTER TABLE queue) and client program names stay empty; sessions, row-lock waits and health figures still work.</source>
        <translation>performance_schema ist auf diesem Server ausgeschaltet (OFF), daher bleiben Top-Anweisungen, Wartezeiten auf Metadatensperren (die ALTER-TABLE-Warteschlange) und Programmnamen der Clients leer; Sitzungen, Zeilensperr-Wartezeiten und Gesundheitswerte funktionieren weiterhin.</translation>
    </message>
    <message>
        <source>Add these lines to the server&apos;s my.cnf and restart the server (performance_schema cannot be switched on while it runs).</source>
        <translation>Fügen Sie diese Zeilen in die my.cnf des Servers ein und starten Sie den Server neu (performance_schema lässt sich im laufenden Betrieb nicht einschalten).</translation>
    </message>
    <message>
        <source>The monitoring user cannot read performance_schema, so top statements, metadata-lock waits and client program names stay empty and row-lock waits (performance_schema.data_locks) are not visible.</source>
        <translation>Der Überwachungsbenutzer kann performance_schema nicht lesen, daher bleiben Top-Anweisungen, Wartezeiten auf Metadatensperren und Programmnamen der Clients leer, und Zeilensperr-Wartezeiten (performance_schema.data_locks) sind nicht sichtbar.</translation>
    </message>
    <message>
        <source>The monitoring user cannot read performance_schema, so top statements, metadata-lock waits and client program names stay empty.</source>
        <translation>Der Überwachungsbenutzer kann performance_schema nicht lesen, daher bleiben Top-Anweisungen, Wartezeiten auf Metadatensperren und Programmnamen der Clients leer.</translation>
    </message>
    <message>
        <source>Grant SELECT on performance_schema to the monitoring user.</source>
        <translation>Gewähren Sie dem Überwachungsbenutzer SELECT auf performance_schema.</translation>
    </message>
    <message>
        <source>The performance_schema consumer statements_digest is off, so top statements stay empty.</source>
        <translation>Der performance_schema-Consumer statements_digest ist aus, daher bleiben die Top-Anweisungen leer.</translation>
    </message>
    <message>
        <source>An administrator can switch it on now (until the next restart) and keep it with a my.cnf line.</source>
        <translation>Ein Administrator kann ihn jetzt einschalten (bis zum nächsten Neustart) und mit einer Zeile in der my.cnf dauerhaft machen.</translation>
    </message>
    <message>
        <source>The metadata-lock instrument is off, so sessions that wait for a table metadata lock (an ALTER TABLE queue) are shown as waiting, but not who blocks them.</source>
        <translation>Das Instrument für Metadatensperren ist aus, daher werden Sitzungen, die auf eine Metadatensperre einer Tabelle warten (eine ALTER-TABLE-Warteschlange), als wartend gezeigt, aber nicht, wer sie blockiert.</translation>
    </message>
    <message>
        <source>The monitoring user lacks the PROCESS privilege, so it sees only its own sessions and cannot read InnoDB transactions and row-lock waits (information_schema.INNODB_TRX, INNODB_LOCKS, INNODB_LOCK_WAITS).</source>
        <translation>Dem Überwachungsbenutzer fehlt das Privileg PROCESS, daher sieht er nur seine eigenen Sitzungen und kann InnoDB-Transaktionen und Zeilensperr-Wartezeiten nicht lesen (information_schema.INNODB_TRX, INNODB_LOCKS, INNODB_LOCK_WAITS).</translation>
    </message>
    <message>
        <source>Grant PROCESS to the monitoring user.</source>
        <translation>Gewähren Sie dem Überwachungsbenutzer PROCESS.</translation>
    </message>
    <message>
        <source>The sys schema is missing (an instance upgraded without running %1): dbtriage does not need it, but the usual manual checks (sys.innodb_lock_waits, sys.schema_table_lock_waits) are unavailable.</source>
        <translation>Das sys-Schema fehlt (eine Instanz, die ohne %1 aktualisiert wurde): dbtriage braucht es nicht, aber die üblichen manuellen Prüfungen (sys.innodb_lock_waits, sys.schema_table_lock_waits) sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>Ask an administrator to run %1 in the next maintenance window.</source>
        <translation>Bitten Sie einen Administrator, im nächsten Wartungsfenster %1 auszuführen.</translation>
    </message>
    <message>
        <source>The monitoring user cannot read the sys schema: dbtriage reads performance_schema directly, but the usual manual checks (sys.innodb_lock_waits, sys.schema_table_lock_waits) fail for this user.</source>
        <translation>Der Überwachungsbenutzer kann das sys-Schema nicht lesen: dbtriage liest performance_schema direkt, aber die üblichen manuellen Prüfungen (sys.innodb_lock_waits, sys.schema_table_lock_waits) schlagen für diesen Benutzer fehl.</translation>
    </message>
    <message>
        <source>Grant SELECT on sys to the monitoring user if seniors use those views.</source>
        <translation>Gewähren Sie dem Überwachungsbenutzer SELECT auf sys, wenn erfahrene Kollegen diese Views nutzen.</translation>
    </message>
    <message>
        <source>The monitoring user has %1: dbtriage stays read-only, but a monitoring account needs only PROCESS and SELECT on performance_schema and sys.</source>
        <translation>Der Überwachungsbenutzer hat %1: dbtriage bleibt nur lesend, aber ein Überwachungskonto braucht nur PROCESS und SELECT auf performance_schema und sys.</translation>
    </message>
    <message>
        <source>Create a least-privileged monitoring account and connect with it.</source>
        <translation>Legen Sie ein Überwachungskonto mit minimalen Rechten an und verbinden Sie sich damit.</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 weitere</translation>
    </message>
    <message>
        <source>the blocking transaction if it should not be open</source>
        <translation>die blockierende Transaktion, falls sie nicht offen sein sollte</translation>
    </message>
    <message>
        <source>the transaction of pid %1 if it should not be open</source>
        <translation>die Transaktion von PID %1, falls sie nicht offen sein sollte</translation>
    </message>
    <message>
        <source>the transactions of pids %1 if they should not be open</source>
        <translation>die Transaktionen der PIDs %1, falls sie nicht offen sein sollten</translation>
    </message>
    <message>
        <source>Cancel the %1 (pid %2%3) so that the sessions behind it can proceed, which the command below does, or end %4; run migrations with a short %5 and retries, so that they give up instead of queueing in front of other sessions.</source>
        <translation>Brechen Sie das %1 ab (PID %2%3), damit die Sitzungen dahinter weiterkommen – das tut der Befehl unten –, oder beenden Sie %4; führen Sie Migrationen mit kurzem %5 und Wiederholungen aus, damit sie aufgeben, statt sich vor andere Sitzungen zu stellen.</translation>
    </message>
    <message>
        <source>no application</source>
        <translation>keine Anwendung</translation>
    </message>
    <message>
        <source>%1 more sessions are root blockers and %2 sessions wait behind them; by application: %3.</source>
        <translation>%1 weitere Sitzungen sind Hauptblockierer, und %2 Sitzungen warten hinter ihnen; nach Anwendung: %3.</translation>
    </message>
    <message>
        <source>Each is listed with what it holds in the Locks view and in a bundle&apos;s lock_waits.csv (pids %1); ask the owner of %2, where most of them come from, why its sessions keep locks that other sessions wait for.</source>
        <translation>Jede steht mit ihren Sperren in der Ansicht Sperren und in der lock_waits.csv eines Bündels (PIDs %1); fragen Sie die Verantwortlichen für %2, woher die meisten stammen, warum deren Sitzungen Sperren halten, auf die andere Sitzungen warten.</translation>
    </message>
</context>
<context>
    <name>FindingOwner</name>
    <message>
        <source>the client</source>
        <translation>den Client</translation>
    </message>
    <message>
        <source>application %1</source>
        <translation>Anwendung %1</translation>
    </message>
</context>
<context>
    <name>Insight</name>
    <message>
        <source>%1 returned %2 rows per loop where %3 were estimated (%4 more rows than the planner expected), so the plan above it was chosen for the wrong input size.</source>
        <translation>%1 lieferte %2 Zeilen pro Schleife, geschätzt waren %3 (%4 mehr Zeilen als vom Planer erwartet); der Plan darüber wurde also für die falsche Eingabegröße gewählt.</translation>
    </message>
    <message>
        <source>%1 returned %2 rows per loop where %3 were estimated (%4 fewer rows than the planner expected), so the plan above it was chosen for the wrong input size.</source>
        <translation>%1 lieferte %2 Zeilen pro Schleife, geschätzt waren %3 (%4 weniger Zeilen als vom Planer erwartet); der Plan darüber wurde also für die falsche Eingabegröße gewählt.</translation>
    </message>
    <message>
        <source>Refresh statistics with ANALYZE on the tables below this node; for correlated columns try CREATE STATISTICS, or raise the columns&apos; statistics target.</source>
        <translation>Aktualisieren Sie die Statistiken mit ANALYZE auf den Tabellen unter diesem Knoten; für korrelierte Spalten versuchen Sie CREATE STATISTICS oder erhöhen das Statistikziel der Spalten.</translation>
    </message>
    <message>
        <source>Run ANALYZE %1; if the filtered columns are correlated, try CREATE STATISTICS on them, or raise their statistics target (ALTER TABLE … ALTER COLUMN … SET STATISTICS).</source>
        <translation>Führen Sie ANALYZE %1 aus; sind die gefilterten Spalten korreliert, versuchen Sie CREATE STATISTICS auf ihnen oder erhöhen ihr Statistikziel (ALTER TABLE … ALTER COLUMN … SET STATISTICS).</translation>
    </message>
    <message>
        <source>Run ANALYZE TABLE %1 PERSISTENT FOR ALL to refresh statistics and histograms.</source>
        <translation>Führen Sie ANALYZE TABLE %1 PERSISTENT FOR ALL aus, um Statistiken und Histogramme zu aktualisieren.</translation>
    </message>
    <message>
        <source>%1 takes %2 of the execution time (%3 of %4 in this node itself).</source>
        <translation>%1 beansprucht %2 der Ausführungszeit (%3 von %4 in diesem Knoten selbst).</translation>
    </message>
    <message>
        <source>Start here: look at the rows this node reads and the other insights on it.</source>
        <translation>Beginnen Sie hier: Sehen Sie sich die Zeilen an, die dieser Knoten liest, und die anderen Hinweise zu ihm.</translation>
    </message>
    <message>
        <source>its Join Filter</source>
        <translation>seinem Join Filter</translation>
    </message>
    <message>
        <source>its Filter</source>
        <translation>seinem Filter</translation>
    </message>
    <message>
        <source>its attached condition</source>
        <translation>seiner angehängten Bedingung (attached_condition)</translation>
    </message>
    <message>
        <source>%1 discarded %2 of the rows it read (%3 rows) with %4: the rows are read first and thrown away after.</source>
        <translation>%1 verwarf mit %4 %2 der gelesenen Zeilen (%3 Zeilen): Die Zeilen werden erst gelesen und danach weggeworfen.</translation>
    </message>
    <message>
        <source>An index on the filtered columns would read only the rows that are kept.</source>
        <translation>Ein Index auf den gefilterten Spalten würde nur die Zeilen lesen, die behalten werden.</translation>
    </message>
    <message>
        <source>An index matching %1 would read only the rows that are kept (a partial or multicolumn index if several columns are compared).</source>
        <translation>Ein Index, der zu %1 passt, würde nur die behaltenen Zeilen lesen (ein partieller oder mehrspaltiger Index, wenn mehrere Spalten verglichen werden).</translation>
    </message>
    <message>
        <source>Create an index for %1 so that only the matching rows are read.</source>
        <translation>Legen Sie einen Index für %1 an, damit nur die passenden Zeilen gelesen werden.</translation>
    </message>
    <message>
        <source>Create an index so that only the matching rows are read.</source>
        <translation>Legen Sie einen Index an, damit nur die passenden Zeilen gelesen werden.</translation>
    </message>
    <message>
        <source>%1 read %2 to return %3 rows: most of the table was read for few rows.</source>
        <translation>%1 las %2, um %3 Zeilen zu liefern: Für wenige Zeilen wurde der Großteil der Tabelle gelesen.</translation>
    </message>
    <message>
        <source>%1 read %2 rows to return %3: most of the table was read for few rows.</source>
        <translation>%1 las %2 Zeilen, um %3 zu liefern: Für wenige Zeilen wurde der Großteil der Tabelle gelesen.</translation>
    </message>
    <message>
        <source>%1 carries %2 of the plan&apos;s estimated cost and is estimated to return only %3 rows for %4: the whole table is read for a few rows.</source>
        <translation>%1 trägt %2 der geschätzten Kosten des Plans und soll für %4 nur %3 Zeilen liefern: Für wenige Zeilen wird die ganze Tabelle gelesen.</translation>
    </message>
    <message>
        <source>Create an index for %1 so that only the matching rows are read; confirm with EXPLAIN ANALYZE and real values.</source>
        <translation>Legen Sie einen Index für %1 an, damit nur die passenden Zeilen gelesen werden; bestätigen Sie das mit EXPLAIN ANALYZE und echten Werten.</translation>
    </message>
    <message>
        <source>%1 did not fit in work_mem and sorted on disk (%2%3).</source>
        <translation>%1 passte nicht in work_mem und sortierte auf der Festplatte (%2%3).</translation>
    </message>
    <message>
        <source>external sort</source>
        <translation>externe Sortierung</translation>
    </message>
    <message>
        <source>, %1 written</source>
        <translation>, %1 geschrieben</translation>
    </message>
    <message>
        <source>Raise work_mem for this query (SET LOCAL work_mem = &apos;%1&apos;), sort fewer rows or narrower rows, or let an index provide the order.</source>
        <translation>Erhöhen Sie work_mem für diese Abfrage (SET LOCAL work_mem = &apos;%1&apos;), sortieren Sie weniger oder schmalere Zeilen, oder lassen Sie einen Index die Reihenfolge liefern.</translation>
    </message>
    <message>
        <source>%1 batches</source>
        <translation>%1 Batches</translation>
    </message>
    <message>
        <source>%1, planned %2</source>
        <translation>%1, geplant %2</translation>
    </message>
    <message>
        <source>%1, %2 on disk</source>
        <translation>%1, %2 auf der Festplatte</translation>
    </message>
    <message>
        <source>%1 did not fit in memory and was split into batches written to disk (%2).</source>
        <translation>%1 passte nicht in den Speicher und wurde in Batches aufgeteilt, die auf die Festplatte geschrieben wurden (%2).</translation>
    </message>
    <message>
        <source>Raise work_mem (or hash_mem_multiplier) for this query (SET LOCAL work_mem = &apos;%1&apos;), or reduce the rows hashed.</source>
        <translation>Erhöhen Sie work_mem (oder hash_mem_multiplier) für diese Abfrage (SET LOCAL work_mem = &apos;%1&apos;), oder verringern Sie die gehashten Zeilen.</translation>
    </message>
    <message>
        <source>%1 wrote %2 of temporary files.</source>
        <translation>%1 schrieb %2 in temporäre Dateien.</translation>
    </message>
    <message>
        <source>Raise work_mem for this query if the data should stay in memory, or reduce the rows this node keeps.</source>
        <translation>Erhöhen Sie work_mem für diese Abfrage, wenn die Daten im Speicher bleiben sollen, oder verringern Sie die Zeilen, die dieser Knoten hält.</translation>
    </message>
    <message>
        <source>%1 kept %2 of %3 heap blocks only as lossy pages (the bitmap did not fit in work_mem), so every row on them was checked again%4.</source>
        <translation>%1 hielt %2 von %3 Heap-Blöcken nur als verlustbehaftete Seiten (die Bitmap passte nicht in work_mem), daher wurde jede Zeile darauf erneut geprüft%4.</translation>
    </message>
    <message>
        <source> (%1 rows removed by the recheck)</source>
        <translation> (%1 Zeilen durch die erneute Prüfung entfernt)</translation>
    </message>
    <message>
        <source>Raise work_mem for this query so the bitmap stays exact, or make the condition more selective.</source>
        <translation>Erhöhen Sie work_mem für diese Abfrage, damit die Bitmap exakt bleibt, oder machen Sie die Bedingung selektiver.</translation>
    </message>
    <message>
        <source>%1 had to visit the table for %2 of its %3 rows because the visibility map is not up to date, so it is hardly index-only.</source>
        <translation>%1 musste für %2 seiner %3 Zeilen die Tabelle besuchen, weil die Visibility Map nicht aktuell ist; es ist also kaum ein reiner Index-Scan.</translation>
    </message>
    <message>
        <source>Run VACUUM %1 and check that autovacuum keeps up with the changes on it (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_threshold).</source>
        <translation>Führen Sie VACUUM %1 aus und prüfen Sie, ob Autovacuum mit den Änderungen daran mithält (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_threshold).</translation>
    </message>
    <message>
        <source>on the table</source>
        <translation>auf der Tabelle</translation>
    </message>
    <message>
        <source>%1 ran its inner side (%2) %3 times, which took %4 (%5 of the execution time).</source>
        <translation>%1 führte seine innere Seite (%2) %3-mal aus, was %4 dauerte (%5 der Ausführungszeit).</translation>
    </message>
    <message>
        <source>%1 is planned to run its inner side (%2) for about %3 outer rows, at a cost of %4 each.</source>
        <translation>%1 soll seine innere Seite (%2) für etwa %3 äußere Zeilen ausführen, zu Kosten von je %4.</translation>
    </message>
    <message>
        <source>Check the outer side&apos;s row estimate (a low estimate often picks a nested loop); an index matching the join condition on the inner side makes each loop cheap, and a hash or merge join reads each side once.</source>
        <translation>Prüfen Sie die Zeilenschätzung der äußeren Seite (eine zu niedrige Schätzung führt oft zu einem Nested Loop); ein Index passend zur Join-Bedingung auf der inneren Seite macht jede Schleife billig, und ein Hash- oder Merge-Join liest jede Seite nur einmal.</translation>
    </message>
    <message>
        <source>%1 planned 1 worker but launched %3: the parallel part ran with fewer processes than it was costed for.</source>
        <translation>%1 plante 1 Worker, startete aber %3: Der parallele Teil lief mit weniger Prozessen, als eingeplant waren.</translation>
    </message>
    <message>
        <source>%1 planned %2 workers but launched %3: the parallel part ran with fewer processes than it was costed for.</source>
        <translation>%1 plante %2 Worker, startete aber %3: Der parallele Teil lief mit weniger Prozessen, als eingeplant waren.</translation>
    </message>
    <message>
        <source>Check max_parallel_workers and max_worker_processes against the parallel queries that run at the same time.</source>
        <translation>Prüfen Sie max_parallel_workers und max_worker_processes gegen die parallelen Abfragen, die gleichzeitig laufen.</translation>
    </message>
    <message>
        <source>The query returned %1 rows to the client and has no Limit.</source>
        <translation>Die Abfrage lieferte %1 Zeilen an den Client und hat kein Limit.</translation>
    </message>
    <message>
        <source>The query is estimated to return %1 rows to the client and has no Limit.</source>
        <translation>Die Abfrage liefert schätzungsweise %1 Zeilen an den Client und hat kein Limit.</translation>
    </message>
    <message>
        <source>If the application shows only some rows, add LIMIT (with a keyset or cursor for the next page); if it aggregates them, do that in the query.</source>
        <translation>Zeigt die Anwendung nur einige Zeilen, ergänzen Sie LIMIT (mit Keyset oder Cursor für die nächste Seite); aggregiert sie sie, tun Sie das in der Abfrage.</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>der Tabelle</translation>
    </message>
    <message>
        <source>Full table scan of %1 (%2 rows per scan) keeps only %3 % of the rows it reads.</source>
        <translation>Der vollständige Tabellenscan von %1 (%2 Zeilen pro Scan) behält nur %3 % der gelesenen Zeilen.</translation>
    </message>
    <message>
        <source>Add an index on the columns of the WHERE or join condition so that only the matching rows are read.</source>
        <translation>Legen Sie einen Index auf die Spalten der WHERE- oder Join-Bedingung an, damit nur die passenden Zeilen gelesen werden.</translation>
    </message>
    <message>
        <source>%1 could use index %2 but no index was chosen.</source>
        <translation>%1 könnte den Index %2 nutzen, aber es wurde kein Index gewählt.</translation>
    </message>
    <message>
        <source>The table</source>
        <translation>Die Tabelle</translation>
    </message>
    <message>
        <source>%1 could use indexes %2 but no index was chosen.</source>
        <translation>%1 könnte die Indexe %2 nutzen, aber es wurde kein Index gewählt.</translation>
    </message>
    <message>
        <source>Refresh statistics (ANALYZE TABLE %1); if the optimizer still prefers a scan the index is not selective enough for this condition, or a function or type conversion on the column keeps it from being used.</source>
        <translation>Aktualisieren Sie die Statistiken (ANALYZE TABLE %1); bevorzugt der Optimierer weiterhin einen Scan, ist der Index für diese Bedingung nicht selektiv genug, oder eine Funktion oder Typumwandlung auf der Spalte verhindert seine Nutzung.</translation>
    </message>
    <message>
        <source>The query sorts its rows with a filesort instead of reading them in index order.</source>
        <translation>Die Abfrage sortiert ihre Zeilen per Filesort, statt sie in Indexreihenfolge zu lesen.</translation>
    </message>
    <message>
        <source>The %1 sorts its rows with a filesort instead of reading them in index order.</source>
        <translation>Der Schritt %1 sortiert seine Zeilen per Filesort, statt sie in Indexreihenfolge zu lesen.</translation>
    </message>
    <message>
        <source>An index whose columns match the ORDER BY (after the equality columns of the WHERE) returns rows already sorted.</source>
        <translation>Ein Index, dessen Spalten zum ORDER BY passen (nach den Gleichheitsspalten des WHERE), liefert die Zeilen bereits sortiert.</translation>
    </message>
    <message>
        <source>The query builds a temporary table.</source>
        <translation>Die Abfrage baut eine temporäre Tabelle auf.</translation>
    </message>
    <message>
        <source>The %1 builds a temporary table to group the rows.</source>
        <translation>Der Schritt %1 baut eine temporäre Tabelle auf, um die Zeilen zu gruppieren.</translation>
    </message>
    <message>
        <source>The %1 builds a temporary table to remove duplicates.</source>
        <translation>Der Schritt %1 baut eine temporäre Tabelle auf, um Duplikate zu entfernen.</translation>
    </message>
    <message>
        <source>The %1 builds a temporary table.</source>
        <translation>Der Schritt %1 baut eine temporäre Tabelle auf.</translation>
    </message>
    <message>
        <source>An index on the GROUP BY / DISTINCT columns lets the server group rows in index order without a temporary table; also check that the temporary table fits in tmp_table_size.</source>
        <translation>Ein Index auf den GROUP-BY-/DISTINCT-Spalten lässt den Server die Zeilen in Indexreihenfolge ohne temporäre Tabelle gruppieren; prüfen Sie außerdem, ob die temporäre Tabelle in tmp_table_size passt.</translation>
    </message>
</context>
<context>
    <name>LockForest</name>
    <message>
        <source>row lock</source>
        <translation>Zeilensperre</translation>
    </message>
    <message>
        <source>table lock</source>
        <translation>Tabellensperre</translation>
    </message>
    <message>
        <source>metadata lock</source>
        <translation>Metadatensperre</translation>
    </message>
    <message>
        <source>advisory lock</source>
        <translation>Advisory-Sperre</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>%1 lock</source>
        <translation>%1-Sperre</translation>
    </message>
</context>
<context>
    <name>LockObject</name>
    <message>
        <source>row (%1) of %2</source>
        <translation>Zeile (%1) von %2</translation>
    </message>
    <message>
        <source>row (%1)</source>
        <translation>Zeile (%1)</translation>
    </message>
    <message>
        <source>row of %1</source>
        <translation>Zeile von %1</translation>
    </message>
    <message>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>extension of %1</source>
        <translation>Erweiterung von %1</translation>
    </message>
    <message>
        <source>speculative insertion of transaction %1</source>
        <translation>spekulatives Einfügen der Transaktion %1</translation>
    </message>
    <message>
        <source>virtual transaction %1</source>
        <translation>virtuelle Transaktion %1</translation>
    </message>
    <message>
        <source>transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>Plan (%1, with actual times and rows)</source>
        <translation>Plan (%1, mit tatsächlichen Zeiten und Zeilen)</translation>
    </message>
    <message>
        <source>Plan (%1, estimates only)</source>
        <translation>Plan (%1, nur Schätzungen)</translation>
    </message>
    <message>
        <source>, planning %1</source>
        <translation>, Planung %1</translation>
    </message>
    <message>
        <source>, execution %1</source>
        <translation>, Ausführung %1</translation>
    </message>
    <message>
        <source>, total %1</source>
        <translation>, gesamt %1</translation>
    </message>
    <message>
        <source>, 1 node</source>
        <translation>, 1 Knoten</translation>
    </message>
    <message>
        <source>, %1 nodes</source>
        <translation>, %1 Knoten</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Triggers:</source>
        <translation>Trigger:</translation>
    </message>
    <message>
        <source>, %1 calls</source>
        <translation>, %1 Aufrufe</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <source>Insights: none; nothing in this plan crosses the thresholds.</source>
        <translation>Hinweise: keine; nichts in diesem Plan überschreitet die Schwellenwerte.</translation>
    </message>
    <message>
        <source>Insights (%1):</source>
        <translation>Hinweise (%1):</translation>
    </message>
    <message>
        <source>Try: %1</source>
        <translation>Vorschlag: %1</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Zeigt Hilfe zu den Kommandozeilenoptionen an.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Zeigt Hilfe einschließlich Qt-spezifischer Optionen an.</translation>
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
    <message>
        <source>%1 could not be read in this sample: the query ran longer than dbtriage&apos;s statement timeout (the server is busy or the view is large). The next sample tries again.</source>
        <translation>%1 konnten in dieser Stichprobe nicht gelesen werden: Die Abfrage lief länger als das Statement-Timeout von dbtriage (der Server ist ausgelastet oder die View groß). Die nächste Stichprobe versucht es erneut.</translation>
    </message>
    <message>
        <source>%1 could not be read in this sample: the query waited too long for a lock. The next sample tries again.</source>
        <translation>%1 konnten in dieser Stichprobe nicht gelesen werden: Die Abfrage wartete zu lange auf eine Sperre. Die nächste Stichprobe versucht es erneut.</translation>
    </message>
    <message>
        <source>%1 are incomplete: %2.</source>
        <translation>%1 sind unvollständig: %2.</translation>
    </message>
    <message>
        <source>%1 are not available: %2.</source>
        <translation>%1 sind nicht verfügbar: %2.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation>%1 konnten nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>the monitoring user</source>
        <translation>der Überwachungsbenutzer</translation>
    </message>
    <message>
        <source>Ask a DBA to grant pg_monitor to %1 (GRANT pg_monitor TO %1;), or connect as a role that has it.</source>
        <translation>Bitten Sie einen DBA, %1 die Rolle pg_monitor zu gewähren (GRANT pg_monitor TO %1;), oder verbinden Sie sich als eine Rolle, die sie hat.</translation>
    </message>
    <message>
        <source>Ask a DBA to grant PROCESS and SELECT on performance_schema to %1, or connect as a user that has them.</source>
        <translation>Bitten Sie einen DBA, %1 PROCESS und SELECT auf performance_schema zu gewähren, oder verbinden Sie sich als ein Benutzer, der sie hat.</translation>
    </message>
</context>
<context>
    <name>RedundantIndexesModel</name>
    <message>
        <source>duplicate of %1 (same columns)</source>
        <translation>Duplikat von %1 (gleiche Spalten)</translation>
    </message>
    <message>
        <source>prefix of %1, which serves the same lookups</source>
        <translation>Präfix von %1, der dieselben Suchen bedient</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>Top %1 statements (recorded advice)</source>
        <translation>Top-%1-Anweisungen (aufgezeichnete Empfehlung)</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>local socket%1</source>
        <translation>lokaler Socket%1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 at %2 as %3</source>
        <translation>%1 auf %2 als %3</translation>
    </message>
    <message>
        <source>%1 (standby)</source>
        <translation>%1 (Standby)</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>%1 more</source>
        <translation>%1 weitere</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source> (query texts redacted)</source>
        <translation> (Anweisungstexte geschwärzt)</translation>
    </message>
    <message>
        <source> (NOT redacted)</source>
        <translation> (NICHT geschwärzt)</translation>
    </message>
    <message>
        <source>%1 samples, %2 s apart, %3 → %4%5</source>
        <translation>%1 Stichproben im Abstand von %2 s, %3 → %4%5</translation>
    </message>
    <message>
        <source>Sampled at %1%2</source>
        <translation>Stichprobe vom %1%2</translation>
    </message>
    <message>
        <source>Connections: %1 of %2 usable</source>
        <translation>Verbindungen: %1 von %2 nutzbaren</translation>
    </message>
    <message>
        <source> (max_connections %1, %2 reserved)</source>
        <translation> (max_connections %1, %2 reserviert)</translation>
    </message>
    <message>
        <source>Findings (%1):</source>
        <translation>Befunde (%1):</translation>
    </message>
    <message>
        <source>none: nothing above the thresholds.</source>
        <translation>keine: nichts über den Schwellenwerten.</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>KRITISCH</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Nächster Schritt: %1</translation>
    </message>
    <message>
        <source>For a senior to run (dbtriage never runs it): %1</source>
        <translation>Zum Ausführen durch erfahrene Kollegen (dbtriage führt es nie aus): %1</translation>
    </message>
    <message>
        <source>Lock waits: %1 edge(s), %2 root blocker(s)</source>
        <translation>Sperrwartezeiten: %1 Kante(n), %2 Hauptblockierer</translation>
    </message>
    <message>
        <source>… and %1 more root blockers</source>
        <translation>… und %1 weitere Hauptblockierer</translation>
    </message>
    <message>
        <source>, transaction open %1</source>
        <translation>, Transaktion offen seit %1</translation>
    </message>
    <message>
        <source>pid %1%2: %3%4%5, blocks %6 (%7 directly)</source>
        <translation>PID %1%2: %3%4%5, blockiert %6 (%7 direkt)</translation>
    </message>
    <message>
        <source> (in a lock cycle)</source>
        <translation> (in einem Sperrzyklus)</translation>
    </message>
    <message>
        <source>unknown state</source>
        <translation>unbekannter Zustand</translation>
    </message>
    <message>
        <source>, application %1</source>
        <translation>, Anwendung %1</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>hält %1</translation>
    </message>
    <message>
        <source>last query: %1</source>
        <translation>letzte Anweisung: %1</translation>
    </message>
    <message>
        <source>pid %1 waits for %2 on %3</source>
        <translation>PID %1 wartet auf %2 auf %3</translation>
    </message>
    <message>
        <source>pid %1 waits for %2 on %3 (queued behind it)</source>
        <translation>PID %1 wartet auf %2 auf %3 (dahinter eingereiht)</translation>
    </message>
    <message>
        <source>Top statements in the window (%1), by total time:</source>
        <translation>Top-Anweisungen im Zeitfenster (%1), nach Gesamtzeit:</translation>
    </message>
    <message>
        <source>Top statements since the statistics reset, by total time:</source>
        <translation>Top-Anweisungen seit dem Zurücksetzen der Statistiken, nach Gesamtzeit:</translation>
    </message>
    <message>
        <source>none recorded.</source>
        <translation>keine erfasst.</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>ms/call</source>
        <translation>ms/Aufruf</translation>
    </message>
    <message>
        <source>(text not available) id %1</source>
        <translation>(Text nicht verfügbar) ID %1</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>cache hit %1 %</source>
        <translation>Cache-Trefferquote %1 %</translation>
    </message>
    <message>
        <source>longest transaction %1</source>
        <translation>längste Transaktion %1</translation>
    </message>
    <message>
        <source>oldest xmin age %1</source>
        <translation>Alter des ältesten xmin %1</translation>
    </message>
    <message>
        <source>temp files %1 (%2)</source>
        <translation>temporäre Dateien %1 (%2)</translation>
    </message>
    <message>
        <source>deadlocks %1</source>
        <translation>Deadlocks %1</translation>
    </message>
    <message>
        <source>Probes: all %1 ok</source>
        <translation>Abfragen: alle %1 in Ordnung</translation>
    </message>
    <message>
        <source>Probes:</source>
        <translation>Abfragen:</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 auf %3</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> als %1</translation>
    </message>
    <message>
        <source> (standby)</source>
        <translation> (Standby)</translation>
    </message>
    <message>
        <source>call</source>
        <translation>Aufruf</translation>
    </message>
</context>
<context>
    <name>UnusedIndexesModel</name>
    <message>
        <source>1 scan</source>
        <translation>1 Scan</translation>
    </message>
    <message>
        <source>%1 scans</source>
        <translation>%1 Scans</translation>
    </message>
    <message>
        <source>%1 since the statistics were last reset (time unknown)</source>
        <translation>%1 seit dem letzten Zurücksetzen der Statistiken (Zeitpunkt unbekannt)</translation>
    </message>
    <message>
        <source>%1 since the statistics reset at %2</source>
        <translation>%1 seit dem Zurücksetzen der Statistiken um %2</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Why unused</source>
        <translation>Warum ungenutzt</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
</context>
<context>
    <name>advise</name>
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
        <source>Proposes indexes for the statements that cost most over a short window, validated with HypoPG where it is installed (heuristic otherwise, and always on MySQL and MariaDB), plus unused and redundant indexes. Read-only: nothing is created or dropped; the DDL is for you to review.</source>
        <translation>Schlägt Indexe für die Anweisungen vor, die in einem kurzen Zeitfenster am meisten kosten, geprüft mit HypoPG, wo es installiert ist (sonst heuristisch, und immer bei MySQL und MariaDB), dazu ungenutzte und redundante Indexe. Nur lesend: Es wird nichts angelegt oder gelöscht; das DDL ist zu Ihrer Prüfung.</translation>
    </message>
    <message>
        <source>postgresql:// URI, libpq keyword string, service=NAME, mysql:// or mariadb:// URI.</source>
        <translation>postgresql://-URI, libpq-Schlüsselwort-Zeichenkette, service=NAME, mysql://- oder mariadb://-URI.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage advise --help&quot; for the options.</source>
        <translation>Die Optionen zeigt „dbtriage advise --help“.</translation>
    </message>
    <message>
        <source>give exactly one CONNECTION, for example &quot;postgresql://monitor@db1/app&quot;.</source>
        <translation>geben Sie genau eine VERBINDUNG an, zum Beispiel „postgresql://monitor@db1/app“.</translation>
    </message>
    <message>
        <source>--top takes a whole number from 1 to 500.</source>
        <translation>--top erwartet eine ganze Zahl von 1 bis 500.</translation>
    </message>
    <message>
        <source>--window takes seconds from 0.5 to 3600.</source>
        <translation>--window erwartet Sekunden von 0.5 bis 3600.</translation>
    </message>
    <message>
        <source>--query needs a statement.</source>
        <translation>--query braucht eine Anweisung.</translation>
    </message>
    <message>
        <source>the window needs two samples and did not get them.</source>
        <translation>das Zeitfenster braucht zwei Stichproben und hat sie nicht bekommen.</translation>
    </message>
    <message>
        <source>no statement took 1 % or more of the window&apos;s time; nothing to advise on (only unused and redundant indexes follow).</source>
        <translation>keine Anweisung brauchte 1 % oder mehr der Zeit des Zeitfensters; es gibt nichts zu beraten (es folgen nur ungenutzte und redundante Indexe).</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>dbtriage: unknown command &quot;%1&quot;.</source>
        <translation>dbtriage: unbekannter Befehl &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>VERBINDUNG</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>FILE.zip|DIR</source>
        <translation>DATEI.zip|VERZ</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>[CONNECTION]</source>
        <translation>[VERBINDUNG]</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>DB</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>BUNDLE</translation>
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
        <source>--statement-timeout takes milliseconds from 100 to %1.</source>
        <translation>--statement-timeout erwartet Millisekunden von 100 bis %1.</translation>
    </message>
    <message>
        <source>--lock-timeout takes milliseconds from 10 to 60000.</source>
        <translation>--lock-timeout erwartet Millisekunden von 10 bis 60000.</translation>
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
    <message>
        <source>Add the plans of the N costliest statements (plans/*.json and .txt; generic plans, EXPLAIN without ANALYZE).</source>
        <translation>Die Pläne der N teuersten Anweisungen hinzufügen (plans/*.json und .txt; generische Pläne, EXPLAIN ohne ANALYZE).</translation>
    </message>
    <message>
        <source>--explain-top and --advise add files to a bundle; give --out FILE.zip|DIR for them.</source>
        <translation>--explain-top und --advise fügen einem Bundle Dateien hinzu; geben Sie dafür --out DATEI.zip|VERZ an.</translation>
    </message>
    <message>
        <source>statement %1 was not explained: %2</source>
        <translation>Anweisung %1 wurde nicht erklärt: %2</translation>
    </message>
    <message numerus="yes">
        <source>partial result: %n of the top statements could not be explained; the bundle says why.</source>
        <translation>
            <numerusform>Teilergebnis: %n der Top-Anweisungen konnte nicht erklärt werden; das Bundle sagt, warum.</numerusform>
            <numerusform>Teilergebnis: %n der Top-Anweisungen konnten nicht erklärt werden; das Bundle sagt, warum.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Written: %1 (zip, %n files, %2</source>
        <translation>
            <numerusform>Geschrieben: %1 (ZIP, %n Datei, %2</numerusform>
            <numerusform>Geschrieben: %1 (ZIP, %n Dateien, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Written: %1 (directory, %n files, %2</source>
        <translation>
            <numerusform>Geschrieben: %1 (Verzeichnis, %n Datei, %2</numerusform>
            <numerusform>Geschrieben: %1 (Verzeichnis, %n Dateien, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n samples were taken; the output holds those.</source>
        <translation>
            <numerusform>%1 von %n Stichprobe wurde genommen; die Ausgabe enthält diese.</numerusform>
            <numerusform>%1 von %n Stichproben wurden genommen; die Ausgabe enthält diese.</numerusform>
        </translation>
    </message>
    <message>
        <source>partial result; these probes did not complete: %1.</source>
        <translation>Teilergebnis; diese Abfragen wurden nicht abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>--out %1 cannot be written: %2 is not a directory you can write to. Choose a place you can write to.</source>
        <translation>--out %1 kann nicht geschrieben werden: %2 ist kein Verzeichnis, in das Sie schreiben dürfen. Wählen Sie einen Ort, an dem Sie schreiben dürfen.</translation>
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
    <name>dbt::AdviceCandidatesModel</name>
    <message>
        <source>validated with HypoPG</source>
        <translation>mit HypoPG geprüft</translation>
    </message>
    <message>
        <source>heuristic, not validated</source>
        <translation>heuristisch, nicht geprüft</translation>
    </message>
    <message>
        <source> (GIN)</source>
        <translation> (GIN)</translation>
    </message>
    <message>
        <source> (GIN, trigram)</source>
        <translation> (GIN, Trigramm)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 → not estimated</source>
        <translation>%1 → nicht geschätzt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation>%1 (+%2 weitere)</translation>
    </message>
    <message>
        <source>The planner chose a hypothetical index (HypoPG) for these statements and its estimated cost dropped as shown.</source>
        <translation>Der Planer wählte für diese Anweisungen einen hypothetischen Index (HypoPG), und die geschätzten Kosten sanken wie gezeigt.</translation>
    </message>
    <message>
        <source>Proposed from the statistics and the current plan only; the planner has not confirmed it. The details say how to validate it.</source>
        <translation>Nur aus den Statistiken und dem aktuellen Plan vorgeschlagen; der Planer hat ihn nicht bestätigt. Die Details sagen, wie man ihn prüft.</translation>
    </message>
    <message>
        <source>The planner&apos;s estimated cost of the statements it helps, summed: now → with the index.</source>
        <translation>Die geschätzten Kosten der Anweisungen, denen er hilft, summiert: jetzt → mit dem Index.</translation>
    </message>
    <message>
        <source>%1: %2 of the window&apos;s time, %3 calls</source>
        <translation>%1: %2 der Zeit des Zeitfensters, %3 Aufrufe</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Columns (in order)</source>
        <translation>Spalten (in Reihenfolge)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Cost before → after</source>
        <translation>Kosten vorher → nachher</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Statements helped</source>
        <translation>Unterstützte Anweisungen</translation>
    </message>
    <message>
        <source>Est. size</source>
        <translation>Geschätzte Größe</translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation>Vorbehalte</translation>
    </message>
    <message>
        <source>%1 of the window: %2</source>
        <translation>%1 des Zeitfensters: %2</translation>
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
    <message numerus="yes">
        <source>%1 on %n rows of %2</source>
        <translation>
            <numerusform>%1 auf %n Zeile von %2</numerusform>
            <numerusform>%1 auf %n Zeilen von %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n waiting</source>
        <translation>
            <numerusform>%1: %n wartet</numerusform>
            <numerusform>%1: %n warten</numerusform>
        </translation>
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
    <message>
        <source>Plans</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>&amp;Plans</source>
        <translation>&amp;Pläne</translation>
    </message>
    <message>
        <source>There is no statement text to explain: pick a statement with its text, or use Explain SQL… to type one.</source>
        <translation>Es gibt keinen Anweisungstext zum Erklären: Wählen Sie eine Anweisung mit Text, oder geben Sie mit „SQL erklären…“ eine ein.</translation>
    </message>
    <message>
        <source>Planning the statement on the server…</source>
        <translation>Die Anweisung wird auf dem Server geplant…</translation>
    </message>
    <message>
        <source>Explaining…</source>
        <translation>Wird erklärt…</translation>
    </message>
    <message>
        <source>The server answered with a plan dbtriage cannot read (%1); run the EXPLAIN yourself to see it.</source>
        <translation>Der Server antwortete mit einem Plan, den dbtriage nicht lesen kann (%1); führen Sie das EXPLAIN selbst aus, um ihn zu sehen.</translation>
    </message>
    <message>
        <source>The server is not answering: the panels show the sample from %1 (%2 ago). dbtriage reconnects in the background.</source>
        <translation>Der Server antwortet nicht: Die Ansichten zeigen die Stichprobe von %1 (vor %2). dbtriage verbindet sich im Hintergrund neu.</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indexe</translation>
    </message>
    <message>
        <source>&amp;Indexes</source>
        <translation>&amp;Indexe</translation>
    </message>
    <message>
        <source>Explained as: %1</source>
        <translation>Erklärt als: %1</translation>
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
    <name>dbt::Sampler</name>
    <message>
        <source> Retrying every %1 s.</source>
        <translation> Neuer Versuch alle %1 s.</translation>
    </message>
    <message>
        <source> Reconnecting in the background; the panels keep the last data.</source>
        <translation> Neue Verbindung im Hintergrund; die Ansichten behalten die letzten Daten.</translation>
    </message>
    <message>
        <source>Sampling failed unexpectedly: %1. Retrying.</source>
        <translation>Die Stichprobe ist unerwartet fehlgeschlagen: %1. Neuer Versuch.</translation>
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
    <name>dbt::gui::ExplainDialog</name>
    <message>
        <source>Run with &amp;ANALYZE for actual times and rows</source>
        <translation>Mit &amp;ANALYZE ausführen, für tatsächliche Zeiten und Zeilen</translation>
    </message>
    <message>
        <source>Explain SQL</source>
        <translation>SQL erklären</translation>
    </message>
    <message>
        <source>&amp;Statement (placeholders such as $1 or ? get a generic plan):</source>
        <translation>&amp;Anweisung (Platzhalter wie $1 oder ? ergeben einen generischen Plan):</translation>
    </message>
    <message>
        <source>SELECT … FROM … WHERE …</source>
        <translation>SELECT … FROM … WHERE …</translation>
    </message>
    <message>
        <source>Only a plain SELECT is analysed, inside a read-only transaction that is rolled back and stopped by the statement timeout; anything else is refused with the reason.</source>
        <translation>Nur ein einfaches SELECT wird analysiert, in einer nur lesenden Transaktion, die zurückgerollt und vom Statement-Timeout gestoppt wird; alles andere wird mit Begründung abgelehnt.</translation>
    </message>
    <message>
        <source>the connected database</source>
        <translation>die verbundene Datenbank</translation>
    </message>
    <message>
        <source>the server&apos;s default (PostgreSQL only)</source>
        <translation>die Vorgabe des Servers (nur PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Search &amp;path:</source>
        <translation>Such&amp;pfad:</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>&amp;Erklären</translation>
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
    <message>
        <source> statements by time</source>
        <translation> Anweisungen nach Zeit</translation>
    </message>
    <message>
        <source>Explain the top N statements of the window on a second read-only session (generic plans, never ANALYZE) and add plans/*.json and plans/*.txt to the bundle.</source>
        <translation>Die N teuersten Anweisungen des Zeitfensters in einer zweiten, nur lesenden Sitzung erklären (generische Pläne, nie ANALYZE) und plans/*.json und plans/*.txt dem Bundle hinzufügen.</translation>
    </message>
    <message>
        <source>Ask the index advisor for the window&apos;s costliest statements and add index-candidates.sql (commented, never executed).</source>
        <translation>Den Index-Berater zu den teuersten Anweisungen des Zeitfensters befragen und index-candidates.sql hinzufügen (auskommentiert, nie ausgeführt).</translation>
    </message>
    <message>
        <source>Plans need a connection to the server: connect first (an opened bundle or snapshot cannot be explained).</source>
        <translation>Pläne brauchen eine Verbindung zum Server: Verbinden Sie sich zuerst (ein geöffnetes Bundle oder Snapshot lässt sich nicht erklären).</translation>
    </message>
    <message>
        <source>Index candidates need a connection to the server: connect first (an opened bundle or snapshot cannot be advised on).</source>
        <translation>Indexkandidaten brauchen eine Verbindung zum Server: Verbinden Sie sich zuerst (für ein geöffnetes Bundle oder Snapshot gibt es keine Beratung).</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>Export &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancelling after the current statement…</source>
        <translation>Abbruch nach der laufenden Anweisung…</translation>
    </message>
    <message>
        <source>Explaining statement %1 of %2…</source>
        <translation>Anweisung %1 von %2 wird erklärt…</translation>
    </message>
    <message>
        <source>Asking the index advisor…</source>
        <translation>Der Index-Berater wird befragt…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::IndexesView</name>
    <message>
        <source>Not validated: MySQL has no hypothetical indexes. To validate it, create the index INVISIBLE on a clone or a test server and compare EXPLAIN with optimizer_switch=&apos;use_invisible_indexes=on&apos; and off.</source>
        <translation>Nicht geprüft: MySQL hat keine hypothetischen Indexe. Legen Sie den Index zur Prüfung INVISIBLE auf einem Klon oder Testserver an und vergleichen Sie EXPLAIN mit optimizer_switch=&apos;use_invisible_indexes=on&apos; und off.</translation>
    </message>
    <message>
        <source>Not validated: MariaDB has no hypothetical indexes. To validate it, create the index IGNORED on a clone or a test server (MariaDB 10.6 or later) and compare EXPLAIN before and after ALTER TABLE … ALTER INDEX … NOT IGNORED.</source>
        <translation>Nicht geprüft: MariaDB hat keine hypothetischen Indexe. Legen Sie den Index zur Prüfung IGNORED auf einem Klon oder Testserver an (MariaDB 10.6 oder neuer) und vergleichen Sie EXPLAIN vor und nach ALTER TABLE … ALTER INDEX … NOT IGNORED.</translation>
    </message>
    <message>
        <source>Not validated by the planner: HypoPG is not installed in this database. To validate it, have the database owner run CREATE EXTENSION hypopg; (dbtriage never does) and advise again, or create the index on a clone and compare EXPLAIN before and after.</source>
        <translation>Vom Planer nicht geprüft: HypoPG ist in dieser Datenbank nicht installiert. Lassen Sie zur Prüfung den Eigentümer der Datenbank CREATE EXTENSION hypopg; ausführen (dbtriage tut das nie) und beraten Sie erneut, oder legen Sie den Index auf einem Klon an und vergleichen Sie EXPLAIN vorher und nachher.</translation>
    </message>
    <message>
        <source>Advise for the workload</source>
        <translation>Für die Last beraten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>&amp;Top statements:</source>
        <translation>&amp;Top-Anweisungen:</translation>
    </message>
    <message>
        <source>How many of the window&apos;s costliest statements to advise on</source>
        <translation>Für wie viele der teuersten Anweisungen des Zeitfensters beraten wird</translation>
    </message>
    <message>
        <source>Index candidates for the top statements of the current window (Top queries&apos; window), validated with HypoPG where it is installed</source>
        <translation>Indexkandidaten für die Top-Anweisungen des aktuellen Zeitfensters (das der Top-Abfragen), geprüft mit HypoPG, wo es installiert ist</translation>
    </message>
    <message>
        <source>Stop the advice; nothing was changed on the server</source>
        <translation>Die Beratung stoppen; auf dem Server wurde nichts geändert</translation>
    </message>
    <message>
        <source>dbtriage never runs these statements; copy them into your change process.</source>
        <translation>dbtriage führt diese Anweisungen nie aus; übernehmen Sie sie in Ihren Änderungsprozess.</translation>
    </message>
    <message>
        <source>Select a candidate to see the statement that would create it.</source>
        <translation>Wählen Sie einen Kandidaten, um die Anweisung zu sehen, die ihn anlegen würde.</translation>
    </message>
    <message>
        <source>Copy the statement to the clipboard (it is not run)</source>
        <translation>Die Anweisung in die Zwischenablage kopieren (sie wird nicht ausgeführt)</translation>
    </message>
    <message>
        <source>The advisor&apos;s notes appear here.</source>
        <translation>Hier erscheinen die Hinweise des Beraters.</translation>
    </message>
    <message>
        <source>Unused indexes</source>
        <translation>Ungenutzte Indexe</translation>
    </message>
    <message>
        <source>Duplicate and redundant indexes</source>
        <translation>Doppelte und redundante Indexe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Nothing was changed on the server. Press Advise for the workload to start again.</source>
        <translation>Auf dem Server wurde nichts geändert. Drücken Sie „Für die Last beraten“, um neu zu beginnen.</translation>
    </message>
    <message>
        <source>Index advice</source>
        <translation>Indexberatung</translation>
    </message>
    <message>
        <source>Index advice needs a connection.</source>
        <translation>Die Indexberatung braucht eine Verbindung.</translation>
    </message>
    <message>
        <source>No advice yet.</source>
        <translation>Noch keine Beratung.</translation>
    </message>
    <message>
        <source>Press Advise for the workload for the top %1 statements of the current window, or right-click a statement in Top queries and choose Suggest indexes for this statement.</source>
        <translation>Drücken Sie „Für die Last beraten“ für die Top-%1-Anweisungen des aktuellen Zeitfensters, oder klicken Sie in den Top-Abfragen mit der rechten Maustaste auf eine Anweisung und wählen Sie „Indexe für diese Anweisung vorschlagen“.</translation>
    </message>
    <message>
        <source>Waiting for the job runner…</source>
        <translation>Warten auf den Job-Runner…</translation>
    </message>
    <message>
        <source>There are no statement figures yet: wait for the first samples, then advise again.</source>
        <translation>Es gibt noch keine Kennzahlen der Anweisungen: Warten Sie die ersten Stichproben ab und beraten Sie dann erneut.</translation>
    </message>
    <message>
        <source>Top %1 statements between %2 and %3</source>
        <translation>Top-%1-Anweisungen zwischen %2 und %3</translation>
    </message>
    <message>
        <source>Top %1 statements since the statistics reset</source>
        <translation>Top-%1-Anweisungen seit dem Zurücksetzen der Statistiken</translation>
    </message>
    <message>
        <source>Statement %1</source>
        <translation>Anweisung %1</translation>
    </message>
    <message>
        <source>Advising indexes…</source>
        <translation>Indexe werden beraten…</translation>
    </message>
    <message>
        <source>Reading the statements&apos; texts…</source>
        <translation>Die Texte der Anweisungen werden gelesen…</translation>
    </message>
    <message>
        <source>Reading statistics and indexes…</source>
        <translation>Statistiken und Indexe werden gelesen…</translation>
    </message>
    <message>
        <source>Choosing across the workload…</source>
        <translation>Auswahl über die gesamte Last…</translation>
    </message>
    <message>
        <source>Statement %1 of %2 (%3)…</source>
        <translation>Anweisung %1 von %2 (%3)…</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Abbruch nach dem laufenden Schritt…</translation>
    </message>
    <message>
        <source>The advice did not complete.</source>
        <translation>Die Beratung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>1 candidate</source>
        <translation>1 Kandidat</translation>
    </message>
    <message>
        <source>%1 candidates</source>
        <translation>%1 Kandidaten</translation>
    </message>
    <message>
        <source>1 EXPLAIN</source>
        <translation>1 EXPLAIN</translation>
    </message>
    <message>
        <source>%1 EXPLAINs</source>
        <translation>%1 EXPLAINs</translation>
    </message>
    <message>
        <source>No index would clearly help this statement.</source>
        <translation>Kein Index würde dieser Anweisung deutlich helfen.</translation>
    </message>
    <message>
        <source>No index would clearly help the top %1 statements.</source>
        <translation>Kein Index würde den Top-%1-Anweisungen deutlich helfen.</translation>
    </message>
    <message>
        <source>Every candidate was checked against the planner&apos;s estimates or the statistics and none saved enough to pay for its upkeep. The notes below say which statements were skipped and why.</source>
        <translation>Jeder Kandidat wurde gegen die Schätzungen des Planers oder die Statistiken geprüft, und keiner sparte genug, um seinen Unterhalt zu rechtfertigen. Die Hinweise unten sagen, welche Anweisungen übersprungen wurden und warum.</translation>
    </message>
    <message>
        <source>Unused indexes (%1)</source>
        <translation>Ungenutzte Indexe (%1)</translation>
    </message>
    <message>
        <source>Duplicate and redundant indexes (%1)</source>
        <translation>Doppelte und redundante Indexe (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Hinweise (%1)</translation>
    </message>
    <message>
        <source>since the statistics were last reset</source>
        <translation>seit dem letzten Zurücksetzen der Statistiken</translation>
    </message>
    <message>
        <source>since the statistics reset at %1</source>
        <translation>seit dem Zurücksetzen der Statistiken um %1</translation>
    </message>
    <message>
        <source>No unused index.</source>
        <translation>Kein ungenutzter Index.</translation>
    </message>
    <message>
        <source>Every index that is not unique or a primary key was scanned %1.</source>
        <translation>Jeder Index, der weder eindeutig noch Primärschlüssel ist, wurde %1 gescannt.</translation>
    </message>
    <message>
        <source>No duplicate or redundant index.</source>
        <translation>Kein doppelter oder redundanter Index.</translation>
    </message>
    <message>
        <source>%1 statements considered, %2 EXPLAINs sent.</source>
        <translation>%1 Anweisungen betrachtet, %2 EXPLAINs gesendet.</translation>
    </message>
    <message>
        <source>Shown with the next advice.</source>
        <translation>Wird mit der nächsten Beratung gezeigt.</translation>
    </message>
    <message>
        <source>No candidate selected</source>
        <translation>Kein Kandidat ausgewählt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> · why: %1</source>
        <translation> · warum: %1</translation>
    </message>
    <message>
        <source> · estimated size %1</source>
        <translation> · geschätzte Größe %1</translation>
    </message>
    <message>
        <source>Statement %1 · %2 of the window&apos;s time · %3</source>
        <translation>Anweisung %1 · %2 der Zeit des Zeitfensters · %3</translation>
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
        <source>    cost %1 → %2 (%3 less); the plan uses the index</source>
        <translation>    Kosten %1 → %2 (%3 weniger); der Plan nutzt den Index</translation>
    </message>
    <message>
        <source>    cost %1 → %2 (%3 less); the plan does not use it</source>
        <translation>    Kosten %1 → %2 (%3 weniger); der Plan nutzt ihn nicht</translation>
    </message>
    <message>
        <source>    cost %1 now; the saving is not estimated (not validated)</source>
        <translation>    Kosten jetzt %1; die Ersparnis ist nicht geschätzt (nicht geprüft)</translation>
    </message>
    <message>
        <source>Statements it helps:
%1</source>
        <translation>Anweisungen, denen er hilft:
%1</translation>
    </message>
    <message>
        <source>Caveats: none known.</source>
        <translation>Vorbehalte: keine bekannt.</translation>
    </message>
    <message>
        <source>Caveats:
%1</source>
        <translation>Vorbehalte:
%1</translation>
    </message>
    <message>
        <source>From the bundle (index-candidates.json)</source>
        <translation>Aus dem Bundle (index-candidates.json)</translation>
    </message>
    <message>
        <source>From the bundle (index-candidates.sql)</source>
        <translation>Aus dem Bundle (index-candidates.sql)</translation>
    </message>
    <message>
        <source>This bundle holds its index candidates as commented SQL.</source>
        <translation>Dieses Bundle enthält seine Indexkandidaten als auskommentiertes SQL.</translation>
    </message>
    <message>
        <source>They are shown on the right as the bundle has them. Advising again needs a connection to the server.</source>
        <translation>Sie werden rechts so gezeigt, wie das Bundle sie enthält. Eine neue Beratung braucht eine Verbindung zum Server.</translation>
    </message>
    <message>
        <source>index-candidates.sql</source>
        <translation>index-candidates.sql</translation>
    </message>
    <message>
        <source>As written by dbtriage collect --advise; every statement is commented out.</source>
        <translation>So, wie dbtriage collect --advise es schrieb; jede Anweisung ist auskommentiert.</translation>
    </message>
    <message>
        <source>This bundle holds no index advice.</source>
        <translation>Dieses Bundle enthält keine Indexberatung.</translation>
    </message>
    <message>
        <source>It was written without --advise. %1</source>
        <translation>Es wurde ohne --advise geschrieben. %1</translation>
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
    <message numerus="yes">
        <source>%1 (%n rows)</source>
        <translation>
            <numerusform>%1 (%n Zeile)</numerusform>
            <numerusform>%1 (%n Zeilen)</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>for row locks on %1 (%n rows)</source>
        <translation>
            <numerusform>auf Zeilensperren in %1 (%n Zeile)</numerusform>
            <numerusform>auf Zeilensperren in %1 (%n Zeilen)</numerusform>
        </translation>
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
    <message>
        <source>Lock waits</source>
        <translation>Sperrwartezeiten</translation>
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
    <message>
        <source>not read in this sample (see Locks)</source>
        <translation>in dieser Stichprobe nicht gelesen (siehe Sperren)</translation>
    </message>
    <message>
        <source>Findings: %1 critical, %2</source>
        <translation>Befunde: %1 kritisch, %2</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
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
    <name>dbt::gui::PastePlanDialog</name>
    <message>
        <source>Paste plan</source>
        <translation>Plan einfügen</translation>
    </message>
    <message>
        <source>Paste a plan: PostgreSQL EXPLAIN as JSON or text (with or without ANALYZE, psql output included), MySQL 8 or MariaDB EXPLAIN FORMAT=JSON, MariaDB ANALYZE FORMAT=JSON. No connection is needed.</source>
        <translation>Fügen Sie einen Plan ein: PostgreSQL-EXPLAIN als JSON oder Text (mit oder ohne ANALYZE, auch psql-Ausgabe), MySQL 8 oder MariaDB EXPLAIN FORMAT=JSON, MariaDB ANALYZE FORMAT=JSON. Es ist keine Verbindung nötig.</translation>
    </message>
    <message>
        <source>&amp;Show plan</source>
        <translation>Plan &amp;anzeigen</translation>
    </message>
</context>
<context>
    <name>dbt::gui::PlanDiagramScene</name>
    <message>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>cost %1 · %2 %</source>
        <translation>Kosten %1 · %2 %</translation>
    </message>
    <message>
        <source>rows %1</source>
        <translation>Zeilen %1</translation>
    </message>
    <message>
        <source>rows %1 → %2</source>
        <translation>Zeilen %1 → %2</translation>
    </message>
    <message>
        <source> × %1 loops</source>
        <translation> × %1 Schleifen</translation>
    </message>
    <message>
        <source>dbtriage query plan</source>
        <translation>dbtriage-Abfrageplan</translation>
    </message>
    <message>
        <source>Plan tree: the root at the top, boxes tinted by their share of the plan&apos;s time.</source>
        <translation>Planbaum: die Wurzel oben, Kästen nach ihrem Anteil an der Zeit des Plans eingefärbt.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::PlansView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Explain SQL…</source>
        <translation>SQL erklären…</translation>
    </message>
    <message>
        <source>Explain a statement on the connected server: a generic plan for statements with placeholders, ANALYZE only for a plain SELECT, always rolled back</source>
        <translation>Eine Anweisung auf dem verbundenen Server erklären: ein generischer Plan für Anweisungen mit Platzhaltern, ANALYZE nur für ein einfaches SELECT, immer zurückgerollt</translation>
    </message>
    <message>
        <source>Paste plan…</source>
        <translation>Plan einfügen…</translation>
    </message>
    <message>
        <source>Paste a plan in any supported format; no connection needed (Ctrl+V pastes the clipboard at once)</source>
        <translation>Einen Plan in einem unterstützten Format einfügen; keine Verbindung nötig (Strg+V fügt die Zwischenablage sofort ein)</translation>
    </message>
    <message>
        <source>Open plan file…</source>
        <translation>Plandatei öffnen…</translation>
    </message>
    <message>
        <source>Open a saved plan: EXPLAIN output as JSON or text</source>
        <translation>Einen gespeicherten Plan öffnen: EXPLAIN-Ausgabe als JSON oder Text</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <source>Copy the plan tree and its insights as text, as the command line prints them</source>
        <translation>Den Planbaum und seine Hinweise als Text kopieren, so wie die Kommandozeile sie ausgibt</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export plan diagram as PNG</source>
        <translation>Plandiagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden: Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Export plan diagram as SVG</source>
        <translation>Plandiagramm als SVG exportieren</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
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
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>What and why</source>
        <translation>Was und warum</translation>
    </message>
    <message>
        <source>What to try</source>
        <translation>Was versuchen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 is not a plan dbtriage can read: %2</source>
        <translation>%1 ist kein Plan, den dbtriage lesen kann: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The clipboard holds no text: copy a plan (EXPLAIN output) first, or use Paste plan… to type it.</source>
        <translation>Die Zwischenablage enthält keinen Text: Kopieren Sie zuerst einen Plan (EXPLAIN-Ausgabe), oder geben Sie ihn mit „Plan einfügen…“ ein.</translation>
    </message>
    <message>
        <source>Pasted plan %1</source>
        <translation>Eingefügter Plan %1</translation>
    </message>
    <message>
        <source>Bundle: %1</source>
        <translation>Bundle: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Some plans of the bundle could not be read: %1</source>
        <translation>Einige Pläne des Bundles konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Noch kein Plan.</translation>
    </message>
    <message>
        <source>Explain a statement from Top queries or Sessions, or open/paste a plan (any EXPLAIN output: PostgreSQL JSON or text, MySQL 8, MariaDB).</source>
        <translation>Erklären Sie eine Anweisung aus Top-Abfragen oder Sitzungen, oder öffnen bzw. fügen Sie einen Plan ein (jede EXPLAIN-Ausgabe: PostgreSQL JSON oder Text, MySQL 8, MariaDB).</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 Knoten</translation>
    </message>
    <message>
        <source>executed in %1 ms</source>
        <translation>ausgeführt in %1 ms</translation>
    </message>
    <message>
        <source>Generic plan: parameter values unknown, costs are estimates.</source>
        <translation>Generischer Plan: Parameterwerte unbekannt, Kosten sind Schätzungen.</translation>
    </message>
    <message>
        <source>ANALYZE ran: actual times and rows (read-only, rolled back).</source>
        <translation>ANALYZE lief: tatsächliche Zeiten und Zeilen (nur lesend, zurückgerollt).</translation>
    </message>
    <message>
        <source>Estimates only: ANALYZE did not run.</source>
        <translation>Nur Schätzungen: ANALYZE lief nicht.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>No insight: nothing in this plan looks wrong by dbtriage&apos;s rules.</source>
        <translation>Kein Hinweis: Nach den Regeln von dbtriage sieht in diesem Plan nichts falsch aus.</translation>
    </message>
    <message>
        <source>Select a node to see every field the engine printed.</source>
        <translation>Wählen Sie einen Knoten, um jedes Feld zu sehen, das die Datenbank ausgegeben hat.</translation>
    </message>
    <message>
        <source>Node #%1: %2</source>
        <translation>Knoten #%1: %2</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Anweisung: %1</translation>
    </message>
    <message>
        <source>Copied the plan and its insights as text.</source>
        <translation>Plan und Hinweise als Text kopiert.</translation>
    </message>
    <message>
        <source>Open plan file</source>
        <translation>Plandatei öffnen</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.sql *.plan);;All files (*)</source>
        <translation>Pläne (*.json *.txt *.sql *.plan);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1: %2 Try: %3</source>
        <translation>%1: %2 Vorschlag: %3</translation>
    </message>
    <message>
        <source>Bundle #%1: statement %2 (%3 % of window time)</source>
        <translation>Bundle #%1: Anweisung %2 (%3 % der Zeit des Zeitfensters)</translation>
    </message>
    <message>
        <source>statement %1: %2</source>
        <translation>Anweisung %1: %2</translation>
    </message>
    <message>
        <source>The bundle says some statements were not explained: %1</source>
        <translation>Laut Bundle wurden einige Anweisungen nicht erklärt: %1</translation>
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
    <message>
        <source>Explain query</source>
        <translation>Anweisung erklären</translation>
    </message>
    <message>
        <source>Show the plan of this session&apos;s query (a generic plan: the redacted values are unknown)</source>
        <translation>Den Plan der Anweisung dieser Sitzung zeigen (ein generischer Plan: die geschwärzten Werte sind unbekannt)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
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
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
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
    <message>
        <source>Show the plan of the selected statement with its insights (a generic plan: the statement&apos;s parameter values are unknown)</source>
        <translation>Den Plan der gewählten Anweisung mit seinen Hinweisen zeigen (ein generischer Plan: die Parameterwerte der Anweisung sind unbekannt)</translation>
    </message>
    <message>
        <source>Statement statistics</source>
        <translation>Anweisungsstatistiken</translation>
    </message>
    <message>
        <source>The table shows the counters read at %1.</source>
        <translation>Die Tabelle zeigt die um %1 gelesenen Zähler.</translation>
    </message>
    <message>
        <source>Suggest indexes for this statement</source>
        <translation>Indexe für diese Anweisung vorschlagen</translation>
    </message>
    <message>
        <source>Index candidates for the selected statement in the Indexes view (validated with HypoPG where it is installed; never created)</source>
        <translation>Indexkandidaten für die gewählte Anweisung in der Ansicht Indexe (geprüft mit HypoPG, wo es installiert ist; nie angelegt)</translation>
    </message>
    <message>
        <source>Statement counters read once so far: counters since the last statistics reset. The window&apos;s deltas appear from the next read on.</source>
        <translation>Die Anweisungszähler wurden bisher einmal gelesen: Zähler seit dem letzten Zurücksetzen der Statistiken. Die Differenzen des Zeitfensters erscheinen ab dem nächsten Lesen.</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2.</source>
        <translation>Lesen von %1 fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>Plan from %1 %2 (database %3)</source>
        <translation>Plan von %1 %2 (Datenbank %3)</translation>
    </message>
    <message>
        <source>, EXPLAIN ANALYZE (run read-only, rolled back)</source>
        <translation>, EXPLAIN ANALYZE (nur lesend ausgeführt, zurückgerollt)</translation>
    </message>
    <message>
        <source>, generic plan (no parameter values)</source>
        <translation>, generischer Plan (ohne Parameterwerte)</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Anweisung: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Prints a query plan as a tree with insights: what is slow, why, and what to try. Reads PostgreSQL EXPLAIN (JSON or text, with or without ANALYZE), MySQL 8 EXPLAIN FORMAT=JSON and MariaDB EXPLAIN/ANALYZE FORMAT=JSON.</source>
        <translation>Gibt einen Abfrageplan als Baum mit Hinweisen aus: was langsam ist, warum, und was man versuchen kann. Liest PostgreSQL-EXPLAIN (JSON oder Text, mit oder ohne ANALYZE), MySQL-8-EXPLAIN FORMAT=JSON und MariaDB-EXPLAIN/ANALYZE FORMAT=JSON.</translation>
    </message>
    <message>
        <source>Server to explain on: a PostgreSQL URI or keyword string, or mysql://... / mariadb://...</source>
        <translation>Server für EXPLAIN: eine PostgreSQL-URI oder Schlüsselwort-Zeichenkette, oder mysql://... / mariadb://...</translation>
    </message>
    <message>
        <source>Read a saved plan from FILE (&quot;-&quot; for standard input).</source>
        <translation>Einen gespeicherten Plan aus DATEI lesen („-“ für die Standardeingabe).</translation>
    </message>
    <message>
        <source>Statement to explain on CONNECTION.</source>
        <translation>Anweisung, die auf VERBINDUNG erklärt wird.</translation>
    </message>
    <message>
        <source>Read the statement to explain from FILE.</source>
        <translation>Die zu erklärende Anweisung aus DATEI lesen.</translation>
    </message>
    <message>
        <source>Run the statement (plain SELECT only, rolled back) for actual figures.</source>
        <translation>Die Anweisung ausführen (nur einfaches SELECT, zurückgerollt), um tatsächliche Werte zu erhalten.</translation>
    </message>
    <message>
        <source>Print {&quot;plan&quot;, &quot;insights&quot;, &quot;generic_plan&quot;, &quot;analyzed&quot;, &quot;notes&quot;} as JSON.</source>
        <translation>{&quot;plan&quot;, &quot;insights&quot;, &quot;generic_plan&quot;, &quot;analyzed&quot;, &quot;notes&quot;} als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Explain in database DB (PostgreSQL: a second short-lived connection; MySQL: the default schema).</source>
        <translation>In der Datenbank DB erklären (PostgreSQL: eine zweite, kurzlebige Verbindung; MySQL: das Standardschema).</translation>
    </message>
    <message>
        <source>PostgreSQL search_path for this EXPLAIN only.</source>
        <translation>PostgreSQL-search_path nur für dieses EXPLAIN.</translation>
    </message>
    <message>
        <source>Statement timeout, ms (default 5000); ANALYZE is stopped after it.</source>
        <translation>Statement-Timeout in ms (Vorgabe 5000); ANALYZE wird danach gestoppt.</translation>
    </message>
    <message>
        <source>Lock timeout, ms (default 500): EXPLAIN never queues longer behind another session&apos;s lock.</source>
        <translation>Sperr-Timeout in ms (Vorgabe 500): EXPLAIN wartet nie länger hinter der Sperre einer anderen Sitzung.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage explain --help&quot; for the options.</source>
        <translation>Die Optionen zeigt „dbtriage explain --help“.</translation>
    </message>
    <message>
        <source>Statements with $1, $2 ... (as pg_stat_statements prints them) get a generic plan through PREPARE; MySQL/MariaDB digests get a plausible value for each ?. Everything runs in a read-only transaction that is rolled back. --analyze runs a plain SELECT only.</source>
        <translation>Anweisungen mit $1, $2 … (wie pg_stat_statements sie ausgibt) erhalten über PREPARE einen generischen Plan; MySQL-/MariaDB-Digests erhalten für jedes ? einen plausiblen Wert. Alles läuft in einer nur lesenden Transaktion, die zurückgerollt wird. --analyze führt nur ein einfaches SELECT aus.</translation>
    </message>
    <message>
        <source>Exit codes: 0 printed, 2 usage, 3 connection failed or lost, 4 EXPLAIN refused or failed (the sentence says why).</source>
        <translation>Exit-Codes: 0 ausgegeben, 2 Aufruf, 3 Verbindung fehlgeschlagen oder verloren, 4 EXPLAIN abgelehnt oder fehlgeschlagen (der Satz sagt, warum).</translation>
    </message>
    <message>
        <source>--plan-file reads a saved plan; it takes no CONNECTION, --query, --file or --analyze.</source>
        <translation>--plan-file liest einen gespeicherten Plan; es nimmt keine VERBINDUNG, --query, --file oder --analyze.</translation>
    </message>
    <message>
        <source>give --plan-file FILE, or a CONNECTION with --query SQL or --file FILE.</source>
        <translation>geben Sie --plan-file DATEI an, oder eine VERBINDUNG mit --query SQL oder --file DATEI.</translation>
    </message>
    <message>
        <source>give either --query or --file, not both.</source>
        <translation>geben Sie entweder --query oder --file an, nicht beides.</translation>
    </message>
    <message>
        <source>the statement is empty.</source>
        <translation>die Anweisung ist leer.</translation>
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
  dbtriage explain [CONNECTION] [opts]  show a query plan as a tree with insights
  dbtriage advise CONNECTION [options]  propose indexes for the costliest statements
  dbtriage --version | --help

CONNECTION is a postgresql:// or postgres:// URI, a libpq keyword string
(&quot;host=db1 dbname=app&quot;), service=NAME, or a mysql:// / mariadb:// URI.
Passwords come from ~/.pgpass, PGPASSWORD, the service file or ~/.my.cnf.
Run &quot;dbtriage COMMAND --help&quot; for the options of a command.
</source>
        <translation>Aufruf:
  dbtriage [VERBINDUNG]                 das Fenster öffnen (verbunden, wenn angegeben)
  dbtriage BUNDLE.zip|VERZ              das Fenster mit einem aufgezeichneten Bundle öffnen
  dbtriage collect VERBINDUNG [Optionen] einen Server ohne Fenster abtasten
  dbtriage open BUNDLE [--json]         ein aufgezeichnetes Bundle zeigen (zuerst geprüft)
  dbtriage compare A B                  zwei Bundles vergleichen, oder ein Bundle (A) und
                                        einen laufenden Server (B = VERBINDUNG)
  dbtriage explain [VERBINDUNG] [Opt.]  einen Abfrageplan als Baum mit Hinweisen zeigen
  dbtriage advise VERBINDUNG [Optionen] Indexe für die teuersten Anweisungen vorschlagen
  dbtriage --version | --help

VERBINDUNG ist eine postgresql://- oder postgres://-URI, eine libpq-Schlüsselwortzeichenfolge
(&quot;host=db1 dbname=app&quot;), service=NAME oder eine mysql://- / mariadb://-URI.
Passwörter kommen aus ~/.pgpass, PGPASSWORD, der Service-Datei oder ~/.my.cnf.
Die Optionen eines Befehls zeigt &quot;dbtriage BEFEHL --help&quot;.
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
    <message>
        <source>Other plans in this bundle:</source>
        <translation>Weitere Pläne in diesem Bundle:</translation>
    </message>
    <message>
        <source>no insight</source>
        <translation>kein Hinweis</translation>
    </message>
    <message>
        <source>not readable: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The bundle&apos;s README.md and summary.jira.txt are in English, for the ticket.</source>
        <translation>README.md und summary.jira.txt des Bundles sind englisch, für das Ticket.</translation>
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
