<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdviceReport</name>
    <message>
        <source>cost</source>
        <translation>coût</translation>
    </message>
    <message>
        <source>No index candidate would help the workload enough to propose one.</source>
        <translation>Aucun index candidat n&apos;aiderait assez la charge pour être proposé.</translation>
    </message>
    <message>
        <source>validated with HypoPG</source>
        <translation>validé avec HypoPG</translation>
    </message>
    <message>
        <source>heuristic, not validated</source>
        <translation>heuristique, non validé</translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation>raison : %1</translation>
    </message>
    <message>
        <source>estimated size: %1</source>
        <translation>taille estimée : %1</translation>
    </message>
    <message>
        <source>caveat: %1</source>
        <translation>réserve : %1</translation>
    </message>
    <message>
        <source>Unused indexes (no scans since the statistics were last reset; not unique, not primary keys):</source>
        <translation>Index inutilisés (aucun parcours depuis la dernière réinitialisation des statistiques ; ni uniques, ni clés primaires) :</translation>
    </message>
    <message>
        <source>Unused indexes (no scans since the statistics reset at %1; not unique, not primary keys):</source>
        <translation>Index inutilisés (aucun parcours depuis la réinitialisation des statistiques à %1 ; ni uniques, ni clés primaires) :</translation>
    </message>
    <message>
        <source>%1.%2 on %3 (%4): %5</source>
        <translation>%1.%2 sur %3 (%4) : %5</translation>
    </message>
    <message>
        <source>Duplicate and redundant indexes:</source>
        <translation>Index en double et redondants :</translation>
    </message>
    <message>
        <source>%1.%2 on %3 (%4) is a duplicate of %5: %6</source>
        <translation>%1.%2 sur %3 (%4) est un doublon de %5 : %6</translation>
    </message>
    <message>
        <source>%1.%2 on %3 (%4) is a prefix of %5: %6</source>
        <translation>%1.%2 sur %3 (%4) est un préfixe de %5 : %6</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Remarques :</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 appel</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 appels</translation>
    </message>
    <message>
        <source>statement %1 (%2 % of the window&apos;s time, %3): %4 %5 -&gt; %6 (%7 % less)</source>
        <translation>requête %1 (%2 % du temps de la fenêtre, %3) : %4 %5 -&gt; %6 (%7 % de moins)</translation>
    </message>
    <message>
        <source>statement %1 (%2 % of the window&apos;s time, %3): %4 %5</source>
        <translation>requête %1 (%2 % du temps de la fenêtre, %3) : %4 %5</translation>
    </message>
    <message>
        <source>1 statement considered</source>
        <translation>1 requête examinée</translation>
    </message>
    <message>
        <source>%1 statements considered</source>
        <translation>%1 requêtes examinées</translation>
    </message>
    <message>
        <source>1 EXPLAIN</source>
        <translation>1 EXPLAIN</translation>
    </message>
    <message>
        <source>%1 EXPLAINs</source>
        <translation>%1 EXPLAIN</translation>
    </message>
    <message>
        <source>%1, %2. Nothing was executed: review and run the DDL yourself.</source>
        <translation>%1, %2. Rien n&apos;a été exécuté : relisez le DDL et exécutez-le vous-même.</translation>
    </message>
</context>
<context>
    <name>Advisor</name>
    <message>
        <source>an unterminated `identifier`</source>
        <translation>un `identifiant` non terminé</translation>
    </message>
    <message>
        <source>an unterminated string (a truncated text?)</source>
        <translation>une chaîne non terminée (un texte tronqué ?)</translation>
    </message>
    <message>
        <source>a MySQL-specific comment (/*! */ or an optimizer hint)</source>
        <translation>un commentaire propre à MySQL (/*! */ ou une indication pour l&apos;optimiseur)</translation>
    </message>
    <message>
        <source>an unterminated comment</source>
        <translation>un commentaire non terminé</translation>
    </message>
    <message>
        <source>the MySQL operator %1</source>
        <translation>l&apos;opérateur MySQL %1</translation>
    </message>
    <message>
        <source>MySQL-only syntax (%1)</source>
        <translation>une syntaxe propre à MySQL (%1)</translation>
    </message>
    <message>
        <source>an index hint (%1 INDEX)</source>
        <translation>une indication d&apos;index (%1 INDEX)</translation>
    </message>
    <message>
        <source>a full table scan (access_type ALL, about %1 rows)</source>
        <translation>un parcours complet de la table (access_type ALL, environ %1 lignes)</translation>
    </message>
    <message>
        <source>a full scan of index %1 (access_type index, about %2 rows) with a filter</source>
        <translation>un parcours complet de l&apos;index %1 (access_type index, environ %2 lignes) avec un filtre</translation>
    </message>
    <message>
        <source>no index used although possible_keys lists %1</source>
        <translation>aucun index utilisé bien que possible_keys cite %1</translation>
    </message>
    <message>
        <source>%1 reads about %2 rows and keeps %3 % of them</source>
        <translation>%1 lit environ %2 lignes et en garde %3 %</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>la table</translation>
    </message>
    <message>
        <source>a sort (filesort or temporary table)</source>
        <translation>un tri (filesort ou table temporaire)</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, puis %2</translation>
    </message>
    <message>
        <source>equality columns, most selective first</source>
        <translation>colonnes d&apos;égalité, la plus sélective en premier</translation>
    </message>
    <message>
        <source>equality</source>
        <translation>égalité</translation>
    </message>
    <message>
        <source>range</source>
        <translation>plage</translation>
    </message>
    <message>
        <source>Heuristic, not validated (MySQL has no hypothetical indexes). To validate: create it on a clone and compare EXPLAIN; or build it invisible on this server (%1), check the plans in one session with SET SESSION optimizer_switch = &apos;use_invisible_indexes=on&apos;, then %2; building it costs I/O and write overhead either way.</source>
        <translation>Heuristique, non validé (MySQL n&apos;a pas d&apos;index hypothétiques). Pour valider : créez-le sur un clone et comparez EXPLAIN ; ou créez-le invisible sur ce serveur (%1), vérifiez les plans dans une session avec SET SESSION optimizer_switch = &apos;use_invisible_indexes=on&apos;, puis %2 ; sa création coûte des E/S et une charge d&apos;écriture dans les deux cas.</translation>
    </message>
    <message>
        <source>Heuristic, not validated (MariaDB has no hypothetical indexes). To validate: create it on a clone and compare EXPLAIN; or build it ignored on this server (%1), which no plan uses, switch it on with %2 and back with %3 if plans get worse.</source>
        <translation>Heuristique, non validé (MariaDB n&apos;a pas d&apos;index hypothétiques). Pour valider : créez-le sur un clone et comparez EXPLAIN ; ou créez-le ignoré sur ce serveur (%1), ce qu&apos;aucun plan n&apos;utilise, activez-le avec %2 et revenez en arrière avec %3 si les plans se dégradent.</translation>
    </message>
    <message>
        <source>Heuristic, not validated (no hypothetical, invisible or ignored indexes on this version). To validate: create it on a clone and compare EXPLAIN before and after.</source>
        <translation>Heuristique, non validé (pas d&apos;index hypothétiques, invisibles ou ignorés dans cette version). Pour valider : créez-le sur un clone et comparez EXPLAIN avant et après.</translation>
    </message>
    <message>
        <source>mysql.column_stats could not be read (%1): only indexed columns have statistics. GRANT SELECT ON mysql.column_stats to the monitoring user for the others.</source>
        <translation>mysql.column_stats n&apos;a pas pu être lu (%1) : seules les colonnes indexées ont des statistiques. Pour les autres, GRANT SELECT ON mysql.column_stats à l&apos;utilisateur de supervision.</translation>
    </message>
    <message>
        <source>%1 takes many writes (%2 rows inserted, updated or deleted since the server started): every index adds work to each of them.</source>
        <translation>%1 reçoit beaucoup d&apos;écritures (%2 lignes insérées, modifiées ou supprimées depuis le démarrage du serveur) : chaque index alourdit chacune d&apos;elles.</translation>
    </message>
    <message>
        <source>Statistics of %1 may be stale: about %2 rows modified since InnoDB last updated them; run ANALYZE TABLE %3 and advise again.</source>
        <translation>Les statistiques de %1 sont peut-être périmées : environ %2 lignes modifiées depuis leur dernière mise à jour par InnoDB ; exécutez ANALYZE TABLE %3 et relancez le conseil.</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: it uses %2, which the query model does not read.</source>
        <translation>La requête %1 a été ignorée : elle utilise %2, que le modèle de requête ne lit pas.</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: its digest text is truncated (performance_schema_max_digest_length).</source>
        <translation>La requête %1 a été ignorée : le texte de son digest est tronqué (performance_schema_max_digest_length).</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: it does not parse (%2).</source>
        <translation>La requête %1 a été ignorée : elle ne s&apos;analyse pas (%2).</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: %2</source>
        <translation>La requête %1 a été ignorée : %2</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: its plan could not be read (%2).</source>
        <translation>La requête %1 a été ignorée : son plan n&apos;a pas pu être lu (%2).</translation>
    </message>
    <message>
        <source>Statement %1 was skipped: its plan has no query_cost.</source>
        <translation>La requête %1 a été ignorée : son plan n&apos;a pas de query_cost.</translation>
    </message>
    <message>
        <source>No statistics for %1 of %2, so no candidate on them: %3 collects them (dbtriage runs neither).</source>
        <translation>Pas de statistiques pour %1 de %2, donc aucun candidat sur ces colonnes : %3 les collecte (dbtriage n&apos;exécute ni l&apos;un ni l&apos;autre).</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>histogramme</translation>
    </message>
    <message>
        <source>index cardinality</source>
        <translation>cardinalité de l&apos;index</translation>
    </message>
    <message>
        <source>About %1 % of %2 rows match (statistics: %3); the current plan shows %4.</source>
        <translation>Environ %1 % de %2 lignes correspondent (statistiques : %3) ; le plan actuel montre %4.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Estimated size: unknown (the average length of a column is not known).</source>
        <translation>Taille estimée : inconnue (la longueur moyenne d&apos;une colonne n&apos;est pas connue).</translation>
    </message>
    <message>
        <source>Estimated size from rows x average entry length, pages taken as 70 % full: a rough figure.</source>
        <translation>Taille estimée à partir de lignes x longueur moyenne d&apos;une entrée, pages supposées remplies à 70 % : un ordre de grandeur.</translation>
    </message>
    <message>
        <source>Unused and redundant indexes could not be read: %1</source>
        <translation>Les index inutilisés et redondants n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>Unused indexes could not be read from performance_schema (%1); GRANT SELECT ON performance_schema.* to the monitoring user for them.</source>
        <translation>Les index inutilisés n&apos;ont pas pu être lus dans performance_schema (%1) ; pour les voir, GRANT SELECT ON performance_schema.* à l&apos;utilisateur de supervision.</translation>
    </message>
    <message>
        <source>The sys schema is missing or not readable (%1): duplicate and redundant indexes were found from information_schema.STATISTICS instead. GRANT SELECT ON sys.* to the monitoring user to use its view.</source>
        <translation>Le schéma sys est absent ou illisible (%1) : les index en double et redondants ont été trouvés à partir de information_schema.STATISTICS. GRANT SELECT ON sys.* à l&apos;utilisateur de supervision pour utiliser sa vue.</translation>
    </message>
    <message>
        <source>Index sizes are unknown (shown as 0 B): mysql.innodb_index_stats is not readable; GRANT SELECT ON mysql.innodb_index_stats to the monitoring user for them.</source>
        <translation>Les tailles des index sont inconnues (affichées 0 B) : mysql.innodb_index_stats n&apos;est pas lisible ; pour les voir, GRANT SELECT ON mysql.innodb_index_stats à l&apos;utilisateur de supervision.</translation>
    </message>
    <message>
        <source>%1 (server start, or the last TRUNCATE of performance_schema&apos;s summaries)</source>
        <translation>%1 (démarrage du serveur, ou dernier TRUNCATE des résumés de performance_schema)</translation>
    </message>
    <message>
        <source>%1 has no hypothetical indexes: every candidate is heuristic, not validated; each says how to validate it.</source>
        <translation>%1 n&apos;a pas d&apos;index hypothétiques : chaque candidat est heuristique, non validé ; chacun indique comment le valider.</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 statements: the advice covers only those.</source>
        <translation>Annulé après %1 requêtes sur %2 : le conseil ne porte que sur celles-ci.</translation>
    </message>
    <message>
        <source>This server&apos;s EXPLAIN prints no cost: cost_before is the plan&apos;s estimate of the rows examined per execution; cost_after is unknown (heuristic).</source>
        <translation>L&apos;EXPLAIN de ce serveur n&apos;affiche pas de coût : cost_before est l&apos;estimation par le plan des lignes examinées par exécution ; cost_after est inconnu (heuristique).</translation>
    </message>
    <message>
        <source>HypoPG is available on the server but not created in database &quot;%1&quot;: the candidates below are heuristic. To validate them with the planner, a database owner can run: CREATE EXTENSION hypopg; (dbtriage never runs it).</source>
        <translation>HypoPG est disponible sur le serveur mais pas créé dans la base « %1 » : les candidats ci-dessous sont heuristiques. Pour les valider avec le planificateur, un propriétaire de la base peut exécuter : CREATE EXTENSION hypopg; (dbtriage ne l&apos;exécute jamais).</translation>
    </message>
    <message>
        <source>HypoPG is not installed on this server: the candidates are heuristic, not validated. Install the hypopg package and CREATE EXTENSION hypopg to validate them, or test on a clone.</source>
        <translation>HypoPG n&apos;est pas installé sur ce serveur : les candidats sont heuristiques, non validés. Installez le paquet hypopg et exécutez CREATE EXTENSION hypopg pour les valider, ou testez sur un clone.</translation>
    </message>
    <message>
        <source>No pg_stats rows are visible for %1 (never analyzed, or the role may not read its columns): equality columns keep the statement&apos;s order.</source>
        <translation>Aucune ligne de pg_stats n&apos;est visible pour %1 (jamais analysée, ou le rôle ne peut pas lire ses colonnes) : les colonnes d&apos;égalité gardent l&apos;ordre de la requête.</translation>
    </message>
    <message>
        <source>%1 takes many writes (%2 rows inserted, updated or deleted since the statistics reset): every index adds work to each of them.</source>
        <translation>%1 reçoit beaucoup d&apos;écritures (%2 lignes insérées, modifiées ou supprimées depuis la réinitialisation des statistiques) : chaque index alourdit chacune d&apos;elles.</translation>
    </message>
    <message>
        <source>%1 has never been analyzed: run ANALYZE %2 first; the estimates may change.</source>
        <translation>%1 n&apos;a jamais été analysée : exécutez d&apos;abord ANALYZE %2 ; les estimations peuvent changer.</translation>
    </message>
    <message>
        <source>Statistics of %1 may be stale: %2 rows modified since the last analyze at %3.</source>
        <translation>Les statistiques de %1 sont peut-être périmées : %2 lignes modifiées depuis la dernière analyse à %3.</translation>
    </message>
    <message>
        <source>Column %1 is updated by the workload: an index on it turns those updates from HOT into regular ones.</source>
        <translation>La colonne %1 est modifiée par la charge : un index sur elle transforme ces mises à jour HOT en mises à jour ordinaires.</translation>
    </message>
    <message>
        <source>text_pattern_ops serves LIKE &apos;prefix%&apos; but not &lt;, &gt; or ORDER BY in the database&apos;s collation.</source>
        <translation>text_pattern_ops sert LIKE &apos;prefix%&apos; mais pas &lt;, &gt; ni ORDER BY dans la collation de la base.</translation>
    </message>
    <message>
        <source>Heuristic, not validated: about %1 % of %2 rows match, and the current plan reads the table with a sequential scan. Validate with HypoPG (hypopg_create_index) or by creating it on a clone.</source>
        <translation>Heuristique, non validé : environ %1 % de %2 lignes correspondent, et le plan actuel lit la table par un parcours séquentiel. Validez avec HypoPG (hypopg_create_index) ou en le créant sur un clone.</translation>
    </message>
    <message>
        <source>Needs the pg_trgm extension.</source>
        <translation>Nécessite l&apos;extension pg_trgm.</translation>
    </message>
    <message>
        <source>A GIN index serves @&gt;, not equality or ranges.</source>
        <translation>Un index GIN sert @&gt;, pas l&apos;égalité ni les plages.</translation>
    </message>
    <message>
        <source>Candidate %1 for statement %2 could not be tried: %3</source>
        <translation>Le candidat %1 pour la requête %2 n&apos;a pas pu être essayé : %3</translation>
    </message>
    <message>
        <source>%1 was not proposed for statement %2: its columns match about %3 % of the rows, too many for an index to pay off beyond an index-only scan.</source>
        <translation>%1 n&apos;a pas été proposé pour la requête %2 : ses colonnes correspondent à environ %3 % des lignes, trop pour qu&apos;un index soit rentable au-delà d&apos;un parcours d&apos;index seul.</translation>
    </message>
    <message>
        <source>%1; a hint, not validated (HypoPG&apos;s validation here covers btree candidates).</source>
        <translation>%1 ; une piste, non validée (la validation par HypoPG couvre ici les candidats btree).</translation>
    </message>
    <message>
        <source>%1 statement(s) of other databases were skipped: connect to each database to advise on its statements.</source>
        <translation>%1 requête(s) d&apos;autres bases ont été ignorées : connectez-vous à chaque base pour obtenir un conseil sur ses requêtes.</translation>
    </message>
    <message>
        <source>rows examined (estimate)</source>
        <translation>lignes examinées (estimation)</translation>
    </message>
    <message>
        <source>prefix LIKE</source>
        <translation>LIKE de préfixe</translation>
    </message>
    <message>
        <source>join key (inner side of a nested loop)</source>
        <translation>clé de jointure (côté interne d&apos;une boucle imbriquée)</translation>
    </message>
    <message>
        <source>join key</source>
        <translation>clé de jointure</translation>
    </message>
    <message>
        <source>@&gt; containment needs a GIN index</source>
        <translation>l&apos;inclusion @&gt; nécessite un index GIN</translation>
    </message>
    <message>
        <source>LIKE with a leading wildcard needs a trigram GIN index (pg_trgm)</source>
        <translation>LIKE avec un joker en tête nécessite un index GIN à trigrammes (pg_trgm)</translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <source>Recording from %1 of %2</source>
        <translation>Enregistrement du %1 de %2</translation>
    </message>
    <message>
        <source> (written by dbtriage %1)</source>
        <translation> (écrit par dbtriage %1)</translation>
    </message>
    <message>
        <source>UNVERIFIED: %1</source>
        <translation>NON VÉRIFIÉ : %1</translation>
    </message>
</context>
<context>
    <name>BundleReader</name>
    <message>
        <source>%1 holds an unsafe file name &quot;%2&quot; (absolute, &quot;..&quot;, a drive letter or too deep); it is refused and nothing was extracted.</source>
        <translation>%1 contient un nom de fichier dangereux « %2 » (absolu, « .. », une lettre de lecteur ou trop profond) ; il est refusé et rien n’a été extrait.</translation>
    </message>
    <message>
        <source>%1 holds &quot;%2&quot; twice; it is refused.</source>
        <translation>%1 contient « %2 » deux fois ; il est refusé.</translation>
    </message>
    <message>
        <source>%1 holds more than %2 entries; it is refused as a possible zip bomb.</source>
        <translation>%1 contient plus de %2 entrées ; il est refusé comme possible bombe zip.</translation>
    </message>
    <message>
        <source>%1 in %2 expands beyond %3; the bundle is refused as a possible zip bomb.</source>
        <translation>%1 dans %2 se décompresse au-delà de %3 ; le paquet est refusé comme possible bombe zip.</translation>
    </message>
    <message>
        <source>The files of %1 expand beyond %2 in all; the bundle is refused as a possible zip bomb.</source>
        <translation>Les fichiers de %1 se décompressent au-delà de %2 au total ; le paquet est refusé comme possible bombe zip.</translation>
    </message>
    <message>
        <source>%1 is not a readable zip file.</source>
        <translation>%1 n’est pas un fichier zip lisible.</translation>
    </message>
    <message>
        <source>%1 has a damaged entry %2: %3.</source>
        <translation>%1 a une entrée endommagée %2 : %3.</translation>
    </message>
    <message>
        <source>%1 has a damaged entry &quot;%2&quot;.</source>
        <translation>%1 a une entrée endommagée « %2 ».</translation>
    </message>
    <message>
        <source>%1 holds a symbolic link &quot;%2&quot;; it is refused and nothing was extracted.</source>
        <translation>%1 contient un lien symbolique « %2 » ; il est refusé et rien n’a été extrait.</translation>
    </message>
    <message>
        <source>%1 holds a special file &quot;%2&quot; (not a regular file); it is refused.</source>
        <translation>%1 contient un fichier spécial « %2 » (pas un fichier ordinaire) ; il est refusé.</translation>
    </message>
    <message>
        <source>%1 holds an encrypted entry &quot;%2&quot;; dbtriage bundles are never encrypted.</source>
        <translation>%1 contient une entrée chiffrée « %2 » ; les paquets dbtriage ne sont jamais chiffrés.</translation>
    </message>
    <message>
        <source>%1: cannot read &quot;%2&quot;: %3.</source>
        <translation>%1 : impossible de lire « %2 » : %3.</translation>
    </message>
    <message>
        <source>%1 in %2 is damaged or truncated (%3); the bundle is refused.</source>
        <translation>%1 dans %2 est endommagé ou tronqué (%3) ; le paquet est refusé.</translation>
    </message>
    <message>
        <source>%1 is not a readable zip file (%2): it may be truncated or damaged, and is refused.</source>
        <translation>%1 n’est pas un fichier zip lisible (%2) : il est peut-être tronqué ou endommagé, et il est refusé.</translation>
    </message>
    <message>
        <source>%1 holds a symbolic link &quot;%2&quot;; it is refused.</source>
        <translation>%1 contient un lien symbolique « %2 » ; il est refusé.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1 : %2.</translation>
    </message>
    <message>
        <source>%1 is larger than %2; it is not read.</source>
        <translation>%1 dépasse %2 ; il n’est pas lu.</translation>
    </message>
    <message>
        <source>%1 is nested deeper than %2 levels; it is not read.</source>
        <translation>%1 est imbriqué sur plus de %2 niveaux ; il n’est pas lu.</translation>
    </message>
    <message>
        <source>There is no manifest.json, so no file can be verified.</source>
        <translation>Il n’y a pas de manifest.json : aucun fichier ne peut être vérifié.</translation>
    </message>
    <message>
        <source>manifest.json cannot be read (%1), so no file can be verified.</source>
        <translation>manifest.json est illisible (%1) : aucun fichier ne peut être vérifié.</translation>
    </message>
    <message>
        <source>%1 is listed in manifest.json but missing.</source>
        <translation>%1 figure dans manifest.json mais manque.</translation>
    </message>
    <message>
        <source>%1 is shorter than manifest.json says (%2 of %3 bytes): it was truncated.</source>
        <translation>%1 est plus court que ne l’indique manifest.json (%2 sur %3 octets) : il a été tronqué.</translation>
    </message>
    <message>
        <source>%1 is longer than manifest.json says (%2, not %3 bytes): it was changed.</source>
        <translation>%1 est plus long que ne l’indique manifest.json (%2 et non %3 octets) : il a été modifié.</translation>
    </message>
    <message>
        <source>%1 does not match its SHA-256 in manifest.json: it was changed after the bundle was written.</source>
        <translation>%1 ne correspond pas à son SHA-256 dans manifest.json : il a été modifié après l’écriture du paquet.</translation>
    </message>
    <message>
        <source>%1 is not listed in manifest.json: it was added after the bundle was written.</source>
        <translation>%1 ne figure pas dans manifest.json : il a été ajouté après l’écriture du paquet.</translation>
    </message>
    <message>
        <source>All %1 files match their SHA-256 in manifest.json.</source>
        <translation>Les %1 fichiers correspondent tous à leur SHA-256 dans manifest.json.</translation>
    </message>
    <message>
        <source>Unverified: %1</source>
        <translation>Non vérifié : %1</translation>
    </message>
    <message>
        <source> (%1 more problems: %2.)</source>
        <translation> (%1 autres problèmes : %2.)</translation>
    </message>
    <message>
        <source> Do not rely on this bundle as evidence.</source>
        <translation> Ne vous fiez pas à ce paquet comme preuve.</translation>
    </message>
    <message>
        <source>%1 holds no snapshot.json: it is not a dbtriage bundle.</source>
        <translation>%1 ne contient pas de snapshot.json : ce n’est pas un paquet dbtriage.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2%3</source>
        <translation>Impossible d’ouvrir %1 : %2%3</translation>
    </message>
    <message>
        <source>%1 This sample and the ones after it are left out.</source>
        <translation>%1 Cet échantillon et les suivants sont laissés de côté.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is larger than %2; it is refused.</source>
        <translation>%1 dépasse %2 ; il est refusé.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
</context>
<context>
    <name>BundleWriter</name>
    <message>
        <source>Cannot write %1: %2. Choose a place you can write to.</source>
        <translation>Impossible d’écrire %1 : %2. Choisissez un endroit où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Nothing was left under that name; free some space or choose another place.</source>
        <translation>L’écriture de %1 a échoué : %2. Rien n’a été laissé sous ce nom ; libérez de la place ou choisissez un autre endroit.</translation>
    </message>
    <message>
        <source>%1 exists and is not a directory. Name a new directory, or a file ending in .zip.</source>
        <translation>%1 existe et n’est pas un répertoire. Donnez un nouveau répertoire, ou un fichier se terminant par .zip.</translation>
    </message>
    <message>
        <source>%1 exists and is not empty. Name a new directory (dbtriage never writes into one that holds other files).</source>
        <translation>%1 existe et n’est pas vide. Donnez un nouveau répertoire (dbtriage n’écrit jamais dans un répertoire qui contient d’autres fichiers).</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2. Choose a place you can write to.</source>
        <translation>Impossible d’écrire dans %1 : %2. Choisissez un endroit où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>Cannot create %1 in %2. Nothing was left under %3.</source>
        <translation>Impossible de créer %1 dans %2. Rien n’a été laissé sous %3.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Nothing was left under %3.</source>
        <translation>Impossible d’écrire %1 : %2. Rien n’a été laissé sous %3.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Nothing was left under %3; free some space or choose another place.</source>
        <translation>L’écriture de %1 a échoué : %2. Rien n’a été laissé sous %3 ; libérez de la place ou choisissez un autre endroit.</translation>
    </message>
    <message>
        <source>Cannot replace the empty directory %1. Name a new directory.</source>
        <translation>Impossible de remplacer le répertoire vide %1. Donnez un nouveau répertoire.</translation>
    </message>
    <message>
        <source>Cannot rename the finished bundle to %1. Nothing was left under that name.</source>
        <translation>Impossible de renommer le paquet terminé en %1. Rien n’a été laissé sous ce nom.</translation>
    </message>
    <message>
        <source>Cannot create the zip archive: %1.</source>
        <translation>Impossible de créer l’archive zip : %1.</translation>
    </message>
    <message>
        <source>Cannot add %1 to the zip archive: %2.</source>
        <translation>Impossible d’ajouter %1 à l’archive zip : %2.</translation>
    </message>
    <message>
        <source>Cannot set up %1 in the zip archive: %2.</source>
        <translation>Impossible de préparer %1 dans l’archive zip : %2.</translation>
    </message>
    <message>
        <source>Cannot compress the bundle: %1.</source>
        <translation>Impossible de compresser le paquet : %1.</translation>
    </message>
    <message>
        <source>Cannot read back the compressed bundle.</source>
        <translation>Impossible de relire le paquet compressé.</translation>
    </message>
    <message>
        <source>No path was given for the bundle.</source>
        <translation>Aucun chemin n’a été donné pour le paquet.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1. Check the path and its permissions.</source>
        <translation>Impossible de créer le répertoire %1. Vérifiez le chemin et ses droits.</translation>
    </message>
    <message>
        <source>%1 is a directory. Name a file ending in .zip.</source>
        <translation>%1 est un répertoire. Donnez un fichier se terminant par .zip.</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Both recordings hold counters since the statistics reset: the change is the work done between them (unless the statistics were reset in between).</source>
        <translation>Les deux enregistrements contiennent des compteurs depuis la remise à zéro des statistiques : l’écart est le travail fait entre les deux (sauf si les statistiques ont été remises à zéro entre-temps).</translation>
    </message>
    <message>
        <source>One recording holds a window, the other counters since the statistics reset: the figures are not directly comparable. Collect both with --samples 2 or more.</source>
        <translation>Un enregistrement contient une fenêtre, l’autre des compteurs depuis la remise à zéro des statistiques : les chiffres ne sont pas directement comparables. Collectez les deux avec --samples 2 ou plus.</translation>
    </message>
    <message>
        <source>Before: %1 at %2</source>
        <translation>Avant : %1 à %2</translation>
    </message>
    <message>
        <source>After:  %1 at %2</source>
        <translation>Après : %1 à %2</translation>
    </message>
    <message>
        <source>Note: the two recordings come from different servers or databases.</source>
        <translation>Remarque : les deux enregistrements proviennent de serveurs ou de bases différents.</translation>
    </message>
    <message>
        <source>Connections: %1 of %2 usable before, %3 of %4 after (%5)</source>
        <translation>Connexions : %1 sur %2 utilisables avant, %3 sur %4 après (%5)</translation>
    </message>
    <message>
        <source>Root blockers: %1 new, %2 gone, %3 still there</source>
        <translation>Bloqueurs racines : %1 nouveaux, %2 disparus, %3 toujours là</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>disparu</translation>
    </message>
    <message>
        <source>still</source>
        <translation>toujours</translation>
    </message>
    <message>
        <source>unknown state</source>
        <translation>état inconnu</translation>
    </message>
    <message>
        <source>blocks 1 session</source>
        <translation>bloque 1 session</translation>
    </message>
    <message>
        <source>blocks %1 sessions</source>
        <translation>bloque %1 sessions</translation>
    </message>
    <message>
        <source>pid %1: %2, %3</source>
        <translation>PID %1 : %2, %3</translation>
    </message>
    <message>
        <source>pid %1: %2, application %3, %4</source>
        <translation>PID %1 : %2, application %3, %4</translation>
    </message>
    <message>
        <source>last query: %1</source>
        <translation>dernière requête : %1</translation>
    </message>
    <message>
        <source>ms per second of window</source>
        <translation>ms par seconde de fenêtre</translation>
    </message>
    <message>
        <source>ms since the statistics reset</source>
        <translation>ms depuis la remise à zéro des statistiques</translation>
    </message>
    <message>
        <source>Statements whose time changed most (%1):</source>
        <translation>Instructions dont le temps a le plus changé (%1) :</translation>
    </message>
    <message>
        <source>none changed.</source>
        <translation>aucune n’a changé.</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(nouvelle)</translation>
    </message>
    <message>
        <source>(gone)</source>
        <translation>(disparue)</translation>
    </message>
    <message>
        <source>(text not available) id %1</source>
        <translation>(texte indisponible) id %1</translation>
    </message>
    <message>
        <source>Settings that changed: %1</source>
        <translation>Paramètres modifiés : %1</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(non lu)</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The connection to %1 was lost during a sample (%2).</source>
        <translation>La connexion à %1 a été perdue pendant un échantillon (%2).</translation>
    </message>
    <message>
        <source>the socket %1</source>
        <translation>socket %1</translation>
    </message>
    <message>
        <source>the user from the option files</source>
        <translation>l&apos;utilisateur des fichiers d&apos;options</translation>
    </message>
    <message>
        <source>%1 rejected %2: wrong password, or no such user for this client host.</source>
        <translation>%1 a refusé %2 : mot de passe erroné, ou pas d&apos;utilisateur de ce nom pour cet hôte client.</translation>
    </message>
    <message>
        <source>The database %1 does not exist on %2.</source>
        <translation>La base de données %1 n&apos;existe pas sur %2.</translation>
    </message>
    <message>
        <source>%1 may not use the database %2 on %3.</source>
        <translation>%1 n&apos;a pas le droit d&apos;utiliser la base %2 sur %3.</translation>
    </message>
    <message>
        <source>%1 does not accept connections from this host (%2).</source>
        <translation>%1 n&apos;accepte pas de connexions depuis cet hôte (%2).</translation>
    </message>
    <message>
        <source>Authentication of %1 at %2 failed: %3</source>
        <translation>L&apos;authentification de %1 sur %2 a échoué : %3</translation>
    </message>
    <message>
        <source>%1 has no free connection slot (too many connections); ask a senior to check who holds them.</source>
        <translation>%1 n&apos;a plus d&apos;emplacement de connexion libre (trop de connexions) ; demandez à un senior de vérifier qui les occupe.</translation>
    </message>
    <message>
        <source>The host name of %1 is unknown.</source>
        <translation>Le nom d&apos;hôte de %1 est inconnu.</translation>
    </message>
    <message>
        <source>Could not connect to %1: connection refused or timed out after %2 s (%3).</source>
        <translation>Connexion à %1 impossible : connexion refusée ou délai dépassé après %2 s (%3).</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL server, not MySQL or MariaDB: use a postgresql:// target for it.</source>
        <translation>%1 est un serveur PostgreSQL, pas MySQL ni MariaDB : utilisez une cible postgresql:// pour lui.</translation>
    </message>
    <message>
        <source>%1 accepted the connection but did not answer like a MySQL or MariaDB server (%2).</source>
        <translation>%1 a accepté la connexion mais n&apos;a pas répondu comme un serveur MySQL ou MariaDB (%2).</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Connexion à %1 impossible : %2</translation>
    </message>
    <message>
        <source>The connection to %1 broke while setting it up (%2).</source>
        <translation>La connexion à %1 s&apos;est rompue pendant sa préparation (%2).</translation>
    </message>
    <message>
        <source>Setting up the monitoring session on %1 failed: %2</source>
        <translation>La préparation de la session de surveillance sur %1 a échoué : %2</translation>
    </message>
    <message>
        <source>The PostgreSQL connection target could not be read (%1). Use a postgresql:// URI, a libpq keyword string such as &quot;host=... dbname=...&quot; or service=NAME.</source>
        <translation>La cible de connexion PostgreSQL n&apos;a pas pu être lue (%1). Utilisez une URI postgresql://, une chaîne de mots-clés libpq comme « host=... dbname=... » ou service=NOM.</translation>
    </message>
    <message>
        <source>the local socket (port %1)</source>
        <translation>socket local (port %1)</translation>
    </message>
    <message>
        <source>the local socket in %1 (port %2)</source>
        <translation>socket local dans %1 (port %2)</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Authentication failed for user %1 on %2. Check the password in ~/.pgpass, PGPASSWORD or the service file.</source>
        <translation>L&apos;authentification de l&apos;utilisateur %1 sur %2 a échoué. Vérifiez le mot de passe dans ~/.pgpass, PGPASSWORD ou le fichier de services.</translation>
    </message>
    <message>
        <source>The server at %1 wants a password for user %2 and none was found. Put it in ~/.pgpass, PGPASSWORD or the service file.</source>
        <translation>Le serveur sur %1 demande un mot de passe pour l&apos;utilisateur %2 et aucun n&apos;a été trouvé. Mettez-le dans ~/.pgpass, PGPASSWORD ou le fichier de services.</translation>
    </message>
    <message>
        <source>Database %1 does not exist on %2. Check the database name in the connection target.</source>
        <translation>La base de données %1 n&apos;existe pas sur %2. Vérifiez le nom de la base dans la cible de connexion.</translation>
    </message>
    <message>
        <source>Role %1 does not exist on %2. Check the user name in the connection target.</source>
        <translation>Le rôle %1 n&apos;existe pas sur %2. Vérifiez le nom d&apos;utilisateur dans la cible de connexion.</translation>
    </message>
    <message>
        <source>The server at %1 does not accept this client for user %2 and database %3 (pg_hba.conf). Ask the DBA for an entry, or check user, database and TLS settings.</source>
        <translation>Le serveur sur %1 n&apos;accepte pas ce client pour l&apos;utilisateur %2 et la base %3 (pg_hba.conf). Demandez une entrée au DBA, ou vérifiez l&apos;utilisateur, la base et les réglages TLS.</translation>
    </message>
    <message>
        <source>The server at %1 refused user %2 for database %3 (%4). Check the role&apos;s login rights and the credentials.</source>
        <translation>Le serveur sur %1 a refusé l&apos;utilisateur %2 pour la base %3 (%4). Vérifiez le droit de connexion du rôle et les identifiants.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer as PostgreSQL (%2). Check the port: another service may listen there.</source>
        <translation>Le serveur sur %1 n&apos;a pas répondu comme PostgreSQL (%2). Vérifiez le port : un autre service y écoute peut-être.</translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1 (connection refused). Check host and port, and that the server is running.</source>
        <translation>Aucun serveur n&apos;accepte de connexions sur %1 (connexion refusée). Vérifiez l&apos;hôte et le port, et que le serveur tourne.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s. Check host, port, firewall and VPN.</source>
        <translation>Pas de réponse de %1 en %2 s. Vérifiez l&apos;hôte, le port, le pare-feu et le VPN.</translation>
    </message>
    <message>
        <source>There is no network route to %1. Check the host name, VPN and firewall.</source>
        <translation>Il n&apos;y a pas de route réseau vers %1. Vérifiez le nom d&apos;hôte, le VPN et le pare-feu.</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved. Check the host name and DNS.</source>
        <translation>Le nom d&apos;hôte %1 n&apos;a pas pu être résolu. Vérifiez le nom d&apos;hôte et le DNS.</translation>
    </message>
    <message>
        <source>No PostgreSQL server listens on %1. Check the socket directory and port, or give host= for a TCP connection.</source>
        <translation>Aucun serveur PostgreSQL n&apos;écoute sur %1. Vérifiez le répertoire du socket et le port, ou indiquez host= pour une connexion TCP.</translation>
    </message>
    <message>
        <source>The server at %1 has no free connection slot (%2). Retry shortly; connection saturation is itself a finding to escalate.</source>
        <translation>Le serveur sur %1 n&apos;a plus d&apos;emplacement de connexion libre (%2). Réessayez sous peu ; la saturation des connexions est elle-même un constat à remonter.</translation>
    </message>
    <message>
        <source>The server at %1 is not accepting connections right now (%2). Retry in a moment.</source>
        <translation>Le serveur sur %1 n&apos;accepte pas de connexions en ce moment (%2). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The server certificate of %1 could not be verified with the CA in sslrootcert (%2). Point sslrootcert to the CA that signed the server&apos;s certificate.</source>
        <translation>Le certificat du serveur %1 n&apos;a pas pu être vérifié avec l&apos;AC de sslrootcert (%2). Faites pointer sslrootcert vers l&apos;AC qui a signé le certificat du serveur.</translation>
    </message>
    <message>
        <source>The server certificate of %1 does not name the host %2 (%3). Connect with a host name the certificate lists.</source>
        <translation>Le certificat du serveur %1 ne nomme pas l&apos;hôte %2 (%3). Connectez-vous avec un nom d&apos;hôte que le certificat mentionne.</translation>
    </message>
    <message>
        <source>The sslrootcert file for %1 does not exist (%2). Give the path of the CA certificate.</source>
        <translation>Le fichier sslrootcert pour %1 n&apos;existe pas (%2). Indiquez le chemin du certificat de l&apos;AC.</translation>
    </message>
    <message>
        <source>The TLS/GSS set-up with %1 failed (%2). Check sslmode, sslrootcert and the server certificate.</source>
        <translation>La mise en place TLS/GSS avec %1 a échoué (%2). Vérifiez sslmode, sslrootcert et le certificat du serveur.</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection during start-up (%2). Check that the port belongs to PostgreSQL and the server log.</source>
        <translation>Le serveur sur %1 a fermé la connexion au démarrage (%2). Vérifiez que le port appartient à PostgreSQL, et le journal du serveur.</translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2). Check the connection target.</source>
        <translation>Connexion à %1 impossible (%2). Vérifiez la cible de connexion.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during a sample; check that the server is up, then reconnect.</source>
        <translation>La connexion à %1 a été perdue pendant un échantillon ; vérifiez que le serveur tourne, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during a sample (%2); check that the server is up, then reconnect.</source>
        <translation>La connexion à %1 a été perdue pendant un échantillon (%2) ; vérifiez que le serveur tourne, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>Could not connect (%1). Check the connection target.</source>
        <translation>Connexion impossible (%1). Vérifiez la cible de connexion.</translation>
    </message>
    <message>
        <source>The server at %1 runs PostgreSQL %2; dbtriage supports PostgreSQL 12 to 17.</source>
        <translation>Le serveur sur %1 exécute PostgreSQL %2 ; dbtriage prend en charge PostgreSQL 12 à 17.</translation>
    </message>
    <message>
        <source>The session on %1 did not become read-only (transaction_read_only is not on), so dbtriage stops here; check for a pooler or proxy that drops start-up options.</source>
        <translation>La session sur %1 n&apos;est pas passée en lecture seule (transaction_read_only n&apos;est pas à on), dbtriage s&apos;arrête donc ici ; cherchez un pooler ou un proxy qui ignore les options de démarrage.</translation>
    </message>
    <message>
        <source>The connection to %1 closed while setting up the session (%2). Try again.</source>
        <translation>La connexion à %1 s&apos;est fermée pendant la préparation de la session (%2). Réessayez.</translation>
    </message>
    <message>
        <source>Setting up the monitoring session on %1 failed (%2). Check the role&apos;s rights.</source>
        <translation>La préparation de la session de surveillance sur %1 a échoué (%2). Vérifiez les droits du rôle.</translation>
    </message>
    <message>
        <source>EXPLAIN gave up after the lock timeout (%1 ms): another session holds a conflicting lock on a table of the statement. Look at the lock waits, then retry.</source>
        <translation>EXPLAIN a abandonné après le délai de verrou (%1 ms) : une autre session détient un verrou incompatible sur une table de la requête. Regardez les attentes de verrous, puis réessayez.</translation>
    </message>
    <message>
        <source>EXPLAIN was cancelled by the statement timeout (%1 ms). Retry when the server is less busy.</source>
        <translation>EXPLAIN a été annulé par le délai d&apos;exécution des requêtes (%1 ms). Réessayez quand le serveur sera moins chargé.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Grant the role the rights to read the statement&apos;s tables, or explain as a role that has them.</source>
        <translation>EXPLAIN a échoué : %1. Donnez au rôle le droit de lire les tables de la requête, ou expliquez-la avec un rôle qui l&apos;a.</translation>
    </message>
    <message>
        <source>EXPLAIN stopped: %1 (dbtriage runs EXPLAIN read-only, so a statement that writes, also inside a function, is stopped).</source>
        <translation>EXPLAIN a été arrêté : %1 (dbtriage exécute EXPLAIN en lecture seule, donc une requête qui écrit, même dans une fonction, est arrêtée).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Check the statement, its database and the search_path.</source>
        <translation>EXPLAIN a échoué : %1. Vérifiez la requête, sa base de données et le search_path.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1.</source>
        <translation>EXPLAIN a échoué : %1.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Check the statement.</source>
        <translation>EXPLAIN a échoué : %1. Vérifiez la requête.</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE needs values for $1..$%1, and dbtriage does not invent them; explain without ANALYZE for a generic plan, or put real values in.</source>
        <translation>EXPLAIN ANALYZE a besoin de valeurs pour $1..$%1, et dbtriage n&apos;en invente pas ; expliquez sans ANALYZE pour un plan générique, ou mettez de vraies valeurs.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (ssl-mode=%2: %3)</source>
        <translation>La connexion TLS à %1 a échoué (ssl-mode=%2 : %3)</translation>
    </message>
    <message>
        <source>%1: a file named by ssl-ca, ssl-capath, ssl-cert or ssl-key cannot be read; check the paths.</source>
        <translation>%1 : un fichier indiqué par ssl-ca, ssl-capath, ssl-cert ou ssl-key ne peut pas être lu ; vérifiez les chemins.</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate does not name the host %2; connect with a host name (or address) its certificate lists.</source>
        <translation>%1 : le certificat du serveur ne nomme pas l&apos;hôte %2 ; connectez-vous avec un nom d&apos;hôte (ou une adresse) que son certificat mentionne.</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate could not be verified with the CA in ssl-ca; check that ssl-ca names the CA that signed the server&apos;s certificate.</source>
        <translation>%1 : le certificat du serveur n&apos;a pas pu être vérifié avec l&apos;AC de ssl-ca ; vérifiez que ssl-ca désigne l&apos;AC qui a signé le certificat du serveur.</translation>
    </message>
    <message>
        <source>%1. Check ssl-mode, ssl-ca and the server&apos;s TLS set-up.</source>
        <translation>%1. Vérifiez ssl-mode, ssl-ca et la configuration TLS du serveur.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (ssl-mode=%2): the server does not offer TLS.</source>
        <translation>La connexion TLS à %1 a échoué (ssl-mode=%2) : le serveur ne propose pas TLS.</translation>
    </message>
    <message>
        <source>%1 did not make the monitoring session read-only, so dbtriage does not go on.</source>
        <translation>%1 n&apos;a pas mis la session de surveillance en lecture seule, dbtriage ne continue donc pas.</translation>
    </message>
    <message>
        <source>%1 kept autocommit off for the monitoring session, so dbtriage does not go on.</source>
        <translation>%1 a laissé autocommit désactivé pour la session de surveillance, dbtriage ne continue donc pas.</translation>
    </message>
    <message>
        <source>The connection to %1 is closed; connect again.</source>
        <translation>La connexion à %1 est fermée ; reconnectez-vous.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during EXPLAIN (%2).</source>
        <translation>La connexion à %1 a été perdue pendant EXPLAIN (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>La connexion à %1 a été perdue (%2).</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE needs the real values, and this digest text has %1 placeholders (? or ...); explain it without ANALYZE, or put real values in.</source>
        <translation>EXPLAIN ANALYZE a besoin des vraies valeurs, et ce texte de digest a %1 paramètres fictifs (? ou ...) ; expliquez-le sans ANALYZE, ou mettez de vraies valeurs.</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1 (dbtriage runs EXPLAIN read-only, so a statement that writes, also inside a function, is stopped).</source>
        <translation>EXPLAIN a échoué : %1 (dbtriage exécute EXPLAIN en lecture seule, donc une requête qui écrit, même dans une fonction, est arrêtée).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1 (the statement timeout, %2 ms, stopped it; retry when the server is less busy).</source>
        <translation>EXPLAIN a échoué : %1 (le délai d&apos;exécution des requêtes, %2 ms, l&apos;a arrêté ; réessayez quand le serveur sera moins chargé).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1 (the lock wait timeout stopped it; look at the lock waits, then retry).</source>
        <translation>EXPLAIN a échoué : %1 (le délai d&apos;attente de verrou l&apos;a arrêté ; regardez les attentes de verrous, puis réessayez).</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1. Check the database name and the account&apos;s rights.</source>
        <translation>EXPLAIN a échoué : %1. Vérifiez le nom de la base et les droits du compte.</translation>
    </message>
    <message>
        <source>Not connected to %1; reconnect first.</source>
        <translation>Pas connecté à %1 ; reconnectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Could not connect to database %1 for EXPLAIN: %2</source>
        <translation>Connexion à la base %1 impossible pour EXPLAIN : %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during EXPLAIN (%2); reconnect and retry.</source>
        <translation>La connexion à %1 a été perdue pendant EXPLAIN (%2) ; reconnectez-vous et réessayez.</translation>
    </message>
    <message>
        <source>The %1 in the connection URI has a &apos;%&apos; that is not followed by two hex digits.</source>
        <translation>Dans l&apos;URI de connexion, %1 contient un &apos;%&apos; qui n&apos;est pas suivi de deux chiffres hexadécimaux.</translation>
    </message>
    <message>
        <source>ssl-mode must be one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY, not &apos;%1&apos;.</source>
        <translation>ssl-mode doit valoir DISABLED, PREFERRED, REQUIRED, VERIFY_CA ou VERIFY_IDENTITY, pas &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Put the password in the user part (mysql://user:password@host) or in an option file, not in a query parameter.</source>
        <translation>Mettez le mot de passe dans la partie utilisateur (mysql://user:password@host) ou dans un fichier d&apos;options, pas dans un paramètre de requête.</translation>
    </message>
    <message>
        <source>Unknown parameter &apos;%1&apos; in the connection URI (known: ssl-mode, ssl-ca, ssl-capath, ssl-cert, ssl-key, socket, option-file, option-group).</source>
        <translation>Paramètre inconnu &apos;%1&apos; dans l&apos;URI de connexion (connus : ssl-mode, ssl-ca, ssl-capath, ssl-cert, ssl-key, socket, option-file, option-group).</translation>
    </message>
    <message>
        <source>A MySQL target must look like mysql://user@host:port/database.</source>
        <translation>Une cible MySQL doit avoir la forme mysql://user@host:port/database.</translation>
    </message>
    <message>
        <source>A MySQL target must start with mysql:// or mariadb://.</source>
        <translation>Une cible MySQL doit commencer par mysql:// ou mariadb://.</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>le nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>password</source>
        <translation>le mot de passe</translation>
    </message>
    <message>
        <source>The IPv6 address in the connection URI lacks its closing &apos;]&apos;.</source>
        <translation>Il manque le &apos;]&apos; fermant à l&apos;adresse IPv6 de l&apos;URI de connexion.</translation>
    </message>
    <message>
        <source>Unexpected text after the IPv6 address in the connection URI.</source>
        <translation>Texte inattendu après l&apos;adresse IPv6 dans l&apos;URI de connexion.</translation>
    </message>
    <message>
        <source>host name</source>
        <translation>le nom d&apos;hôte</translation>
    </message>
    <message>
        <source>The port in the connection URI must be a number from 1 to 65535, not &apos;%1&apos;.</source>
        <translation>Le port dans l&apos;URI de connexion doit être un nombre de 1 à 65535, pas &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>database name</source>
        <translation>le nom de la base</translation>
    </message>
    <message>
        <source>The database name in the connection URI must not contain &apos;/&apos;.</source>
        <translation>Le nom de la base dans l&apos;URI de connexion ne doit pas contenir &apos;/&apos;.</translation>
    </message>
    <message>
        <source>parameter name</source>
        <translation>le nom du paramètre</translation>
    </message>
    <message>
        <source>ssl-mode=DISABLED contradicts the ssl-ca / ssl-cert / ssl-key parameters.</source>
        <translation>ssl-mode=DISABLED contredit les paramètres ssl-ca / ssl-cert / ssl-key.</translation>
    </message>
    <message>
        <source>ssl-mode=%1 needs ssl-ca (or ssl-capath): the certificate authority to verify the server against.</source>
        <translation>ssl-mode=%1 a besoin de ssl-ca (ou ssl-capath) : l&apos;autorité de certification avec laquelle vérifier le serveur.</translation>
    </message>
    <message>
        <source>The digest text has %1 placeholders (? and ...); dbtriage put &apos;1&apos; in their place (1 after LIMIT), so this is the plan for one plausible value, not for the values the application sent.</source>
        <translation>Le texte de digest a %1 paramètres fictifs (? et ...) ; dbtriage a mis &apos;1&apos; à leur place (1 après LIMIT), c&apos;est donc le plan pour une valeur plausible, pas pour les valeurs envoyées par l&apos;application.</translation>
    </message>
    <message>
        <source>Explained with default schema %1.</source>
        <translation>Expliqué avec le schéma par défaut %1.</translation>
    </message>
    <message>
        <source>The session had no default schema before; it keeps %1 (dbtriage&apos;s own statements name their schemas).</source>
        <translation>La session n&apos;avait pas de schéma par défaut auparavant ; elle garde %1 (les requêtes de dbtriage nomment leurs schémas).</translation>
    </message>
    <message>
        <source>The digest printed table names in upper case; they were explained in lower case.</source>
        <translation>Le digest affichait les noms de tables en majuscules ; ils ont été expliqués en minuscules.</translation>
    </message>
    <message>
        <source>ANALYZE ran the SELECT inside a read-only transaction that was rolled back.</source>
        <translation>ANALYZE a exécuté le SELECT dans une transaction en lecture seule qui a été annulée.</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE ran the SELECT inside a read-only transaction that was rolled back.</source>
        <translation>EXPLAIN ANALYZE a exécuté le SELECT dans une transaction en lecture seule qui a été annulée.</translation>
    </message>
    <message>
        <source>Rewrote the statement so that PREPARE accepts it (parsed and printed back by libpg_query, e.g. interval $1 becomes $1::interval).</source>
        <translation>La requête a été réécrite pour que PREPARE l&apos;accepte (analysée et réécrite par libpg_query, par ex. interval $1 devient $1::interval).</translation>
    </message>
    <message>
        <source>Generic plan: planned without parameter values (PREPARE with plan_cache_mode = force_generic_plan, EXECUTE with NULL for $1..$%1), so row estimates use average selectivities.</source>
        <translation>Plan générique : planifié sans valeurs de paramètres (PREPARE avec plan_cache_mode = force_generic_plan, EXECUTE avec NULL pour $1..$%1), les estimations de lignes utilisent donc des sélectivités moyennes.</translation>
    </message>
    <message>
        <source>PREPARE could not infer every parameter type; dbtriage used (%1).</source>
        <translation>PREPARE n&apos;a pas pu déduire tous les types de paramètres ; dbtriage a utilisé (%1).</translation>
    </message>
    <message>
        <source>Explained in database %1 on a second, short-lived connection.</source>
        <translation>Expliqué dans la base %1 sur une seconde connexion de courte durée.</translation>
    </message>
    <message>
        <source>Only SELECT and SHOW are sent through this session.</source>
        <translation>Seuls SELECT et SHOW passent par cette session.</translation>
    </message>
    <message>
        <source>%1 (error %2)</source>
        <translation>%1 (erreur %2)</translation>
    </message>
    <message>
        <source>EXPLAIN returned no plan.</source>
        <translation>EXPLAIN n’a renvoyé aucun plan.</translation>
    </message>
    <message>
        <source>the server shut down or an administrator ended the session</source>
        <translation>le serveur s’est arrêté ou un administrateur a mis fin à la session</translation>
    </message>
    <message>
        <source>the server restarted after a crash</source>
        <translation>le serveur a redémarré après un plantage</translation>
    </message>
    <message>
        <source>the server is not accepting connections</source>
        <translation>le serveur n’accepte pas de connexions</translation>
    </message>
    <message>
        <source>the server ended the idle session</source>
        <translation>le serveur a mis fin à la session inactive</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>the connection was already closed</source>
        <translation>la connexion était déjà fermée</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>utilisateur %1</translation>
    </message>
    <message>
        <source>application %1</source>
        <translation>application %1</translation>
    </message>
    <message>
        <source>a lock</source>
        <translation>un verrou</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>1 more lock</source>
        <translation>1 autre verrou</translation>
    </message>
    <message>
        <source>%1 more locks</source>
        <translation>%1 autres verrous</translation>
    </message>
    <message>
        <source>; it holds %1</source>
        <translation> ; elle détient %1</translation>
    </message>
    <message>
        <source>is in an unknown state and</source>
        <translation>est dans un état inconnu et</translation>
    </message>
    <message>
        <source>is no longer in the session list (it may have just ended) and</source>
        <translation>n&apos;est plus dans la liste des sessions (elle vient peut-être de se terminer) et</translation>
    </message>
    <message>
        <source>is a sleeping connection with an open transaction (open for %1, idle for %2) and</source>
        <translation>est une connexion endormie avec une transaction ouverte (ouverte depuis %1, inactive depuis %2) et</translation>
    </message>
    <message>
        <source>is a sleeping connection with an open transaction (open for %1) and</source>
        <translation>est une connexion endormie avec une transaction ouverte (ouverte depuis %1) et</translation>
    </message>
    <message>
        <source>is a sleeping connection (idle for %1) and</source>
        <translation>est une connexion endormie (inactive depuis %1) et</translation>
    </message>
    <message>
        <source>is a sleeping connection and</source>
        <translation>est une connexion endormie et</translation>
    </message>
    <message>
        <source>is idle in a failed (aborted) transaction for %1 (transaction open for %2) and</source>
        <translation>est inactive depuis %1 dans une transaction en échec (annulée) (transaction ouverte depuis %2) et</translation>
    </message>
    <message>
        <source>is idle in transaction for %1 (transaction open for %2) and</source>
        <translation>est inactive en transaction depuis %1 (transaction ouverte depuis %2) et</translation>
    </message>
    <message>
        <source>is idle in a failed (aborted) transaction for %1 and</source>
        <translation>est inactive depuis %1 dans une transaction en échec (annulée) et</translation>
    </message>
    <message>
        <source>is idle in transaction for %1 and</source>
        <translation>est inactive en transaction depuis %1 et</translation>
    </message>
    <message>
        <source>is idle in a failed (aborted) transaction and</source>
        <translation>est inactive dans une transaction en échec (annulée) et</translation>
    </message>
    <message>
        <source>is idle in transaction and</source>
        <translation>est inactive en transaction et</translation>
    </message>
    <message>
        <source>has been running a statement for %1 and</source>
        <translation>exécute une requête depuis %1 et</translation>
    </message>
    <message>
        <source>is running a statement and</source>
        <translation>exécute une requête et</translation>
    </message>
    <message>
        <source>is idle outside a transaction for %1 (a session-level lock such as an advisory lock) and</source>
        <translation>est inactive hors transaction depuis %1 (un verrou de niveau session, par exemple un verrou consultatif) et</translation>
    </message>
    <message>
        <source>is idle outside a transaction (a session-level lock such as an advisory lock) and</source>
        <translation>est inactive hors transaction (un verrou de niveau session, par exemple un verrou consultatif) et</translation>
    </message>
    <message>
        <source>is in state &quot;%1&quot; and</source>
        <translation>est dans l&apos;état « %1 » et</translation>
    </message>
    <message>
        <source>Ask the owner of %1 to commit or roll back that transaction; if that cannot happen quickly, an authorised person can end the session with the command below, which rolls its transaction back and releases its locks. pg_cancel_backend would not help: it only cancels a running statement and this session is idle.</source>
        <translation>Demandez au responsable %1 de valider ou d&apos;annuler cette transaction ; si cela ne peut pas se faire rapidement, une personne habilitée peut terminer la session avec la commande ci-dessous, qui annule sa transaction et libère ses verrous. pg_cancel_backend n&apos;aiderait pas : il n&apos;annule qu&apos;une requête en cours, et cette session est inactive.</translation>
    </message>
    <message>
        <source>Find out with the owner of %1 what the statement does: pg_cancel_backend(%2) cancels only the running statement (inside an explicit transaction the locks stay until the client rolls back); the command below ends the session and releases its locks. Either is for an authorised person.</source>
        <translation>Voyez avec le responsable %1 ce que fait la requête : pg_cancel_backend(%2) n&apos;annule que la requête en cours (dans une transaction explicite, les verrous restent jusqu&apos;à ce que le client annule) ; la commande ci-dessous termine la session et libère ses verrous. L&apos;un comme l&apos;autre revient à une personne habilitée.</translation>
    </message>
    <message>
        <source>The session holds a session-level lock while idle; ask the owner of %1 to release it (for example pg_advisory_unlock), or an authorised person can end the session with the command below. pg_cancel_backend would not help: no statement is running.</source>
        <translation>La session détient un verrou de niveau session alors qu&apos;elle est inactive ; demandez au responsable %1 de le libérer (par exemple avec pg_advisory_unlock), ou une personne habilitée peut terminer la session avec la commande ci-dessous. pg_cancel_backend n&apos;aiderait pas : aucune requête n&apos;est en cours.</translation>
    </message>
    <message>
        <source>Find out with the owner of %1 why the session holds its locks; an authorised person can end it with the command below, which rolls back its transaction and releases its locks.</source>
        <translation>Voyez avec le responsable %1 pourquoi la session détient ses verrous ; une personne habilitée peut la terminer avec la commande ci-dessous, qui annule sa transaction et libère ses verrous.</translation>
    </message>
    <message>
        <source>This is a sleeping connection with an open transaction: the application ran statements, did not commit, and went quiet. Ask the owner of %1 to commit or roll back; if that cannot happen quickly, an authorised person can run the command below, which closes the connection and rolls the transaction back. KILL QUERY would not help: no statement is running.</source>
        <translation>C&apos;est une connexion endormie avec une transaction ouverte : l&apos;application a exécuté des requêtes, n&apos;a pas validé et s&apos;est tue. Demandez au responsable %1 de valider ou d&apos;annuler ; si cela ne peut pas se faire rapidement, une personne habilitée peut lancer la commande ci-dessous, qui ferme la connexion et annule la transaction. KILL QUERY n&apos;aiderait pas : aucune requête n&apos;est en cours.</translation>
    </message>
    <message>
        <source>The connection sleeps while holding locks (LOCK TABLES, GET_LOCK or an open transaction); ask the owner of %1 to release them, or an authorised person can run the command below, which closes the connection. KILL QUERY would not help: no statement is running.</source>
        <translation>La connexion dort en détenant des verrous (LOCK TABLES, GET_LOCK ou une transaction ouverte) ; demandez au responsable %1 de les libérer, ou une personne habilitée peut lancer la commande ci-dessous, qui ferme la connexion. KILL QUERY n&apos;aiderait pas : aucune requête n&apos;est en cours.</translation>
    </message>
    <message>
        <source>Find out with the owner of %1 what the statement does: KILL QUERY %2 stops only the running statement; the command below closes the connection and rolls back its transaction. Either is for an authorised person.</source>
        <translation>Voyez avec le responsable %1 ce que fait la requête : KILL QUERY %2 n&apos;arrête que la requête en cours ; la commande ci-dessous ferme la connexion et annule sa transaction. L&apos;un comme l&apos;autre revient à une personne habilitée.</translation>
    </message>
    <message>
        <source>blocks 1 session</source>
        <translation>bloque 1 session</translation>
    </message>
    <message>
        <source>blocks %1 sessions</source>
        <translation>bloque %1 sessions</translation>
    </message>
    <message>
        <source> (%1 directly)</source>
        <translation> (%1 directement)</translation>
    </message>
    <message>
        <source>, the oldest waiting statement started %1 ago</source>
        <translation>, la plus ancienne requête en attente a commencé il y a %1</translation>
    </message>
    <message>
        <source>Session %1%2 %3 %4%5.</source>
        <translation>La session %1%2 %3 %4%5.</translation>
    </message>
    <message>
        <source>Sessions %1 wait on each other in a lock cycle</source>
        <translation>Les sessions %1 s&apos;attendent mutuellement dans un cycle de verrous</translation>
    </message>
    <message>
        <source>Session %1 waits in a lock cycle</source>
        <translation>La session %1 attend dans un cycle de verrous</translation>
    </message>
    <message>
        <source>; 1 more session waits behind them</source>
        <translation> ; 1 autre session attend derrière elles</translation>
    </message>
    <message>
        <source>; %1 more sessions wait behind them</source>
        <translation> ; %1 autres sessions attendent derrière elles</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s deadlock detector cancels one of them after deadlock_timeout when the cycle is a real deadlock; if the same cycle is still there in the next samples, an authorised person can end one of the sessions (the command below ends pid %1).</source>
        <translation>Le détecteur d&apos;interblocages de PostgreSQL annule l&apos;une d&apos;elles après deadlock_timeout si le cycle est un véritable interblocage ; si le même cycle est encore là dans les échantillons suivants, une personne habilitée peut terminer l&apos;une des sessions (la commande ci-dessous termine le pid %1).</translation>
    </message>
    <message>
        <source>InnoDB normally detects deadlocks at once and rolls one transaction back; a cycle that stays means deadlock detection is off (innodb_deadlock_detect) or a metadata or user lock is involved, and only lock wait timeouts will end it. An authorised person can end one of the sessions (the command below ends pid %1).</source>
        <translation>InnoDB détecte normalement les interblocages immédiatement et annule une transaction ; un cycle qui persiste signifie que la détection est désactivée (innodb_deadlock_detect) ou qu&apos;un verrou de métadonnées ou utilisateur est en jeu, et seuls les délais d&apos;attente de verrou y mettront fin. Une personne habilitée peut terminer l&apos;une des sessions (la commande ci-dessous termine le pid %1).</translation>
    </message>
    <message>
        <source>%1 from pid %2</source>
        <translation>%1 du pid %2</translation>
    </message>
    <message>
        <source>%1 from pid %2 (%3)</source>
        <translation>%1 du pid %2 (%3)</translation>
    </message>
    <message>
        <source> has been queued for %1</source>
        <translation> attend dans la file depuis %1</translation>
    </message>
    <message>
        <source> is queued</source>
        <translation> attend dans la file</translation>
    </message>
    <message>
        <source> behind the transaction of pid %1 (open for %2)</source>
        <translation> derrière la transaction du pid %1 (ouverte depuis %2)</translation>
    </message>
    <message>
        <source> behind the transaction of pid %1</source>
        <translation> derrière la transaction du pid %1</translation>
    </message>
    <message>
        <source> behind the transactions of pids %1</source>
        <translation> derrière les transactions des pids %1</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>la table</translation>
    </message>
    <message>
        <source>; nothing waits behind it yet.</source>
        <translation> ; rien n&apos;attend encore derrière.</translation>
    </message>
    <message>
        <source>; 1 session that only reads %1 waits behind the %2.</source>
        <translation> ; 1 session qui ne fait que lire %1 attend derrière le %2.</translation>
    </message>
    <message>
        <source>; %1 sessions that only read %2 wait behind the %3.</source>
        <translation> ; %1 sessions qui ne font que lire %2 attendent derrière le %3.</translation>
    </message>
    <message>
        <source>; 1 session waits behind the %1 on %2</source>
        <translation> ; 1 session attend derrière le %1 sur %2</translation>
    </message>
    <message>
        <source>; %1 sessions wait behind the %2 on %3</source>
        <translation> ; %1 sessions attendent derrière le %2 sur %3</translation>
    </message>
    <message>
        <source> (%1 of them only read)</source>
        <translation> (dont %1 ne font que lire)</translation>
    </message>
    <message>
        <source>, application %1</source>
        <translation>, application %1</translation>
    </message>
    <message>
        <source>lock_timeout (for example SET lock_timeout = &apos;5s&apos;)</source>
        <translation>lock_timeout (par exemple SET lock_timeout = &apos;5s&apos;)</translation>
    </message>
    <message>
        <source>lock_wait_timeout (for example SET SESSION lock_wait_timeout = 5)</source>
        <translation>lock_wait_timeout (par exemple SET SESSION lock_wait_timeout = 5)</translation>
    </message>
    <message>
        <source>%1 of %2 usable connection slots are in use (%3)</source>
        <translation>%1 des %2 emplacements de connexion utilisables sont occupés (%3)</translation>
    </message>
    <message>
        <source>%1 is idle</source>
        <translation>%1 est inactive</translation>
    </message>
    <message>
        <source>%1 are idle</source>
        <translation>%1 sont inactives</translation>
    </message>
    <message>
        <source>%1 idle in transaction (%2 of them from application %3)</source>
        <translation>%1 inactives en transaction (dont %2 de l&apos;application %3)</translation>
    </message>
    <message>
        <source>%1 idle in transaction</source>
        <translation>%1 inactives en transaction</translation>
    </message>
    <message>
        <source>%1 is active</source>
        <translation>%1 est active</translation>
    </message>
    <message>
        <source>%1 are active</source>
        <translation>%1 sont actives</translation>
    </message>
    <message>
        <source>; application %1 holds the most (%2)</source>
        <translation> ; l&apos;application %1 en occupe le plus (%2)</translation>
    </message>
    <message>
        <source>Look at application %1 first: check its connection pool size and that it commits or rolls back promptly (idle-in-transaction sessions keep their slot and their locks).</source>
        <translation>Regardez d&apos;abord l&apos;application %1 : vérifiez la taille de son pool de connexions et qu&apos;elle valide ou annule rapidement (les sessions inactives en transaction gardent leur emplacement et leurs verrous).</translation>
    </message>
    <message>
        <source>Find out which clients hold the connections (by application, user and client address) and check their pool sizes.</source>
        <translation>Identifiez les clients qui détiennent les connexions (par application, utilisateur et adresse du client) et vérifiez la taille de leurs pools.</translation>
    </message>
    <message>
        <source>A pooler such as PgBouncer in transaction mode lets many clients share few server connections; raising max_connections costs memory and is a reviewed change.</source>
        <translation>Un pooler comme PgBouncer en mode transaction permet à de nombreux clients de partager peu de connexions au serveur ; augmenter max_connections coûte de la mémoire et relève d&apos;un changement revu.</translation>
    </message>
    <message>
        <source>A proxy such as ProxySQL lets many clients share few server connections; raising max_connections costs memory and is a reviewed change.</source>
        <translation>Un proxy comme ProxySQL permet à de nombreux clients de partager peu de connexions au serveur ; augmenter max_connections coûte de la mémoire et relève d&apos;un changement revu.</translation>
    </message>
    <message>
        <source>; %1 of them come from application %2</source>
        <translation> ; %1 d&apos;entre elles viennent de l&apos;application %2</translation>
    </message>
    <message>
        <source>1 session has been idle in transaction for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>1 session est inactive en transaction depuis plus de %2 ; la plus ancienne, pid %3%4, depuis %5</translation>
    </message>
    <message>
        <source>%1 sessions have been idle in transaction for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>%1 sessions sont inactives en transaction depuis plus de %2 ; la plus ancienne, pid %3%4, depuis %5</translation>
    </message>
    <message>
        <source> (transaction open for %1)</source>
        <translation> (transaction ouverte depuis %1)</translation>
    </message>
    <message>
        <source>; pid %1, also idle in transaction, blocks other sessions and is reported as a root blocker</source>
        <translation> ; le pid %1, lui aussi inactif en transaction, bloque d&apos;autres sessions et est signalé comme bloqueur racine</translation>
    </message>
    <message>
        <source>; pids %1, also idle in transaction, block other sessions and are reported as root blockers</source>
        <translation> ; les pids %1, eux aussi inactifs en transaction, bloquent d&apos;autres sessions et sont signalés comme bloqueurs racines</translation>
    </message>
    <message>
        <source>Ask the owner of %1 to commit or roll back promptly: these sessions keep their locks and hold back the xmin horizon, so vacuum cannot remove dead rows. idle_in_transaction_session_timeout (set per role or database) ends such sessions automatically; an authorised person can end the oldest with the command below.</source>
        <translation>Demandez au responsable %1 de valider ou d&apos;annuler rapidement : ces sessions gardent leurs verrous et retiennent l&apos;horizon xmin, si bien que VACUUM ne peut pas supprimer les lignes mortes. idle_in_transaction_session_timeout (réglé par rôle ou par base) termine automatiquement de telles sessions ; une personne habilitée peut terminer la plus ancienne avec la commande ci-dessous.</translation>
    </message>
    <message>
        <source>Ask the owner of %1 to commit or roll back promptly: these sleeping connections keep their row locks and stop InnoDB from purging old row versions (the history list grows). An authorised person can end the oldest with the command below, which rolls its transaction back.</source>
        <translation>Demandez au responsable %1 de valider ou d&apos;annuler rapidement : ces connexions endormies gardent leurs verrous de ligne et empêchent InnoDB de purger les anciennes versions de lignes (la history list grossit). Une personne habilitée peut terminer la plus ancienne avec la commande ci-dessous, qui annule sa transaction.</translation>
    </message>
    <message>
        <source>1 statement has been running for more than %2; the longest, pid %3%4, for %5%6.</source>
        <translation>1 requête s&apos;exécute depuis plus de %2 ; la plus longue, pid %3%4, depuis %5%6.</translation>
    </message>
    <message>
        <source>%1 statements have been running for more than %2; the longest, pid %3%4, for %5%6.</source>
        <translation>%1 requêtes s&apos;exécutent depuis plus de %2 ; la plus longue, pid %3%4, depuis %5%6.</translation>
    </message>
    <message>
        <source>Check with the owner of %1 whether that run time is expected (a report or a batch job) or a plan gone wrong (look at the statement&apos;s plan); an authorised person can cancel the statement with the command below, which keeps the session.</source>
        <translation>Vérifiez avec le responsable %1 si cette durée est attendue (un rapport ou un traitement par lots) ou si le plan a mal tourné (regardez le plan de la requête) ; une personne habilitée peut annuler la requête avec la commande ci-dessous, qui garde la session.</translation>
    </message>
    <message>
        <source>Check with the owner of %1 whether that run time is expected (a report or a batch job) or a plan gone wrong (look at the statement&apos;s plan); an authorised person can cancel the statement with the command below, which keeps the connection.</source>
        <translation>Vérifiez avec le responsable %1 si cette durée est attendue (un rapport ou un traitement par lots) ou si le plan a mal tourné (regardez le plan de la requête) ; une personne habilitée peut annuler la requête avec la commande ci-dessous, qui garde la connexion.</translation>
    </message>
    <message>
        <source>1 transaction has been open for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>1 transaction est ouverte depuis plus de %2 ; la plus ancienne, pid %3%4, depuis %5</translation>
    </message>
    <message>
        <source>%1 transactions have been open for more than %2; the oldest, pid %3%4, for %5</source>
        <translation>%1 transactions sont ouvertes depuis plus de %2 ; la plus ancienne, pid %3%4, depuis %5</translation>
    </message>
    <message>
        <source> (now %1)</source>
        <translation> (maintenant %1)</translation>
    </message>
    <message>
        <source>; it holds the xmin horizon back by %1 transactions</source>
        <translation> ; elle retient l&apos;horizon xmin de %1 transactions</translation>
    </message>
    <message>
        <source>Long transactions hold back the xmin horizon, so vacuum cannot remove dead rows anywhere in the database and tables and indexes bloat; ask the owner of %1 whether the transaction needs to stay open, and have batch jobs commit in smaller pieces.</source>
        <translation>Les longues transactions retiennent l&apos;horizon xmin, si bien que VACUUM ne peut supprimer les lignes mortes nulle part dans la base et que tables et index gonflent ; demandez au responsable %1 si la transaction doit rester ouverte, et faites valider les traitements par lots en plus petits morceaux.</translation>
    </message>
    <message>
        <source>Long transactions stop InnoDB from purging old row versions (the history list grows and reads slow down); ask the owner of %1 whether the transaction needs to stay open, and have batch jobs commit in smaller pieces.</source>
        <translation>Les longues transactions empêchent InnoDB de purger les anciennes versions de lignes (la history list grossit et les lectures ralentissent) ; demandez au responsable %1 si la transaction doit rester ouverte, et faites valider les traitements par lots en plus petits morceaux.</translation>
    </message>
    <message>
        <source>Statement statistics were reset during the window; the figures of the affected statements count only the time since the reset.</source>
        <translation>Les statistiques des requêtes ont été réinitialisées pendant la fenêtre ; les chiffres des requêtes concernées ne comptent que le temps depuis la réinitialisation.</translation>
    </message>
    <message>
        <source>Compare a longer window later, or ask who reset the statistics.</source>
        <translation>Comparez plus tard une fenêtre plus longue, ou demandez qui a réinitialisé les statistiques.</translation>
    </message>
    <message>
        <source>Check the figures against psql if something looks wrong.</source>
        <translation>Vérifiez les chiffres avec psql si quelque chose semble faux.</translation>
    </message>
    <message>
        <source>Add pg_stat_statements to shared_preload_libraries and restart the server.</source>
        <translation>Ajoutez pg_stat_statements à shared_preload_libraries et redémarrez le serveur.</translation>
    </message>
    <message>
        <source>Create a monitoring role with pg_monitor and connect with it instead (choose the password yourself and keep it in ~/.pgpass).</source>
        <translation>Créez un rôle de surveillance avec pg_monitor et connectez-vous plutôt avec lui (choisissez vous-même le mot de passe et gardez-le dans ~/.pgpass).</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>dbtriage is connected as %1, a superuser; a role in pg_monitor is enough.</source>
        <translation>dbtriage est connecté en tant que %1, un superutilisateur ; un rôle membre de pg_monitor suffit.</translation>
    </message>
    <message>
        <source>Role %1 is not a member of pg_monitor (pg_read_all_stats): for other users&apos; sessions pg_stat_activity shows &quot;&lt;insufficient privilege&gt;&quot; instead of the query and hides their state, wait events, client and times, and pg_stat_statements hides their statements&apos; texts and ids, so their statements are missing from the top statements and root blockers of other users show no query.</source>
        <translation>Le rôle %1 n&apos;est pas membre de pg_monitor (pg_read_all_stats) : pour les sessions des autres utilisateurs, pg_stat_activity affiche « &lt;insufficient privilege&gt; » au lieu de la requête et masque leur état, leurs événements d&apos;attente, leur client et leurs heures, et pg_stat_statements masque les textes et identifiants de leurs requêtes ; celles-ci manquent donc dans les requêtes principales, et les bloqueurs racines des autres utilisateurs n&apos;affichent aucune requête.</translation>
    </message>
    <message>
        <source>Ask a DBA to grant pg_monitor to %1; lock waits themselves stay complete (pg_locks is readable by every role).</source>
        <translation>Demandez à un DBA d&apos;accorder pg_monitor à %1 ; les attentes de verrous restent complètes (pg_locks est lisible par tous les rôles).</translation>
    </message>
    <message>
        <source>pg_stat_statements is loaded but not created in database %1: top statements are not available.</source>
        <translation>pg_stat_statements est chargé mais pas créé dans la base %1 : les requêtes principales ne sont pas disponibles.</translation>
    </message>
    <message>
        <source>Create the extension in %1 (no restart needed).</source>
        <translation>Créez l&apos;extension dans %1 (sans redémarrage).</translation>
    </message>
    <message>
        <source>pg_stat_statements is not installed in database %1: top statements are not available.</source>
        <translation>pg_stat_statements n&apos;est pas installé dans la base %1 : les requêtes principales ne sont pas disponibles.</translation>
    </message>
    <message>
        <source>Add pg_stat_statements to shared_preload_libraries (this needs a server restart), then create the extension in %1.</source>
        <translation>Ajoutez pg_stat_statements à shared_preload_libraries (cela demande un redémarrage du serveur), puis créez l&apos;extension dans %1.</translation>
    </message>
    <message>
        <source>If it is not there yet, add pg_stat_statements to shared_preload_libraries (this needs a server restart), then create the extension in %1.</source>
        <translation>S&apos;il n&apos;y est pas encore, ajoutez pg_stat_statements à shared_preload_libraries (cela demande un redémarrage du serveur), puis créez l&apos;extension dans %1.</translation>
    </message>
    <message>
        <source>pg_stat_statements is created in database %1 but not in shared_preload_libraries, so it collects nothing.</source>
        <translation>pg_stat_statements est créé dans la base %1 mais absent de shared_preload_libraries, il ne collecte donc rien.</translation>
    </message>
    <message>
        <source>PostgreSQL %1 is newer than the versions dbtriage was tested with (12 to 17).</source>
        <translation>PostgreSQL %1 est plus récent que les versions avec lesquelles dbtriage a été testé (12 à 17).</translation>
    </message>
    <message>
        <source>performance_schema is OFF on this server, so top statements, metadata-lock waits (the ALTER TABLE queue) and client program names stay empty; sessions, row-lock waits and health figures still work.</source>
        <translation>performance_schema est désactivé (OFF) sur ce serveur : les requêtes principales, les attentes de verrous de métadonnées (la file derrière ALTER TABLE) et les noms de programmes des clients restent vides ; les sessions, les attentes de verrous de ligne et les indicateurs de santé fonctionnent toujours.</translation>
    </message>
    <message>
        <source>Add these lines to the server&apos;s my.cnf and restart the server (performance_schema cannot be switched on while it runs).</source>
        <translation>Ajoutez ces lignes au my.cnf du serveur et redémarrez-le (performance_schema ne peut pas être activé pendant qu&apos;il tourne).</translation>
    </message>
    <message>
        <source>The monitoring user cannot read performance_schema, so top statements, metadata-lock waits and client program names stay empty and row-lock waits (performance_schema.data_locks) are not visible.</source>
        <translation>L&apos;utilisateur de surveillance ne peut pas lire performance_schema : les requêtes principales, les attentes de verrous de métadonnées et les noms de programmes des clients restent vides, et les attentes de verrous de ligne (performance_schema.data_locks) ne sont pas visibles.</translation>
    </message>
    <message>
        <source>The monitoring user cannot read performance_schema, so top statements, metadata-lock waits and client program names stay empty.</source>
        <translation>L&apos;utilisateur de surveillance ne peut pas lire performance_schema : les requêtes principales, les attentes de verrous de métadonnées et les noms de programmes des clients restent vides.</translation>
    </message>
    <message>
        <source>Grant SELECT on performance_schema to the monitoring user.</source>
        <translation>Accordez SELECT sur performance_schema à l&apos;utilisateur de surveillance.</translation>
    </message>
    <message>
        <source>The performance_schema consumer statements_digest is off, so top statements stay empty.</source>
        <translation>Le consommateur statements_digest de performance_schema est désactivé : les requêtes principales restent vides.</translation>
    </message>
    <message>
        <source>An administrator can switch it on now (until the next restart) and keep it with a my.cnf line.</source>
        <translation>Un administrateur peut l&apos;activer maintenant (jusqu&apos;au prochain redémarrage) et le conserver avec une ligne dans my.cnf.</translation>
    </message>
    <message>
        <source>The metadata-lock instrument is off, so sessions that wait for a table metadata lock (an ALTER TABLE queue) are shown as waiting, but not who blocks them.</source>
        <translation>L&apos;instrument des verrous de métadonnées est désactivé : les sessions qui attendent un verrou de métadonnées de table (une file derrière ALTER TABLE) apparaissent en attente, mais pas qui les bloque.</translation>
    </message>
    <message>
        <source>The monitoring user lacks the PROCESS privilege, so it sees only its own sessions and cannot read InnoDB transactions and row-lock waits (information_schema.INNODB_TRX, INNODB_LOCKS, INNODB_LOCK_WAITS).</source>
        <translation>Il manque à l&apos;utilisateur de surveillance le privilège PROCESS : il ne voit que ses propres sessions et ne peut pas lire les transactions InnoDB ni les attentes de verrous de ligne (information_schema.INNODB_TRX, INNODB_LOCKS, INNODB_LOCK_WAITS).</translation>
    </message>
    <message>
        <source>Grant PROCESS to the monitoring user.</source>
        <translation>Accordez PROCESS à l&apos;utilisateur de surveillance.</translation>
    </message>
    <message>
        <source>The sys schema is missing (an instance upgraded without running %1): dbtriage does not need it, but the usual manual checks (sys.innodb_lock_waits, sys.schema_table_lock_waits) are unavailable.</source>
        <translation>Le schéma sys est absent (une instance mise à niveau sans lancer %1) : dbtriage n&apos;en a pas besoin, mais les vérifications manuelles habituelles (sys.innodb_lock_waits, sys.schema_table_lock_waits) ne sont pas disponibles.</translation>
    </message>
    <message>
        <source>Ask an administrator to run %1 in the next maintenance window.</source>
        <translation>Demandez à un administrateur de lancer %1 lors de la prochaine fenêtre de maintenance.</translation>
    </message>
    <message>
        <source>The monitoring user cannot read the sys schema: dbtriage reads performance_schema directly, but the usual manual checks (sys.innodb_lock_waits, sys.schema_table_lock_waits) fail for this user.</source>
        <translation>L&apos;utilisateur de surveillance ne peut pas lire le schéma sys : dbtriage lit directement performance_schema, mais les vérifications manuelles habituelles (sys.innodb_lock_waits, sys.schema_table_lock_waits) échouent pour cet utilisateur.</translation>
    </message>
    <message>
        <source>Grant SELECT on sys to the monitoring user if seniors use those views.</source>
        <translation>Accordez SELECT sur sys à l&apos;utilisateur de surveillance si les seniors se servent de ces vues.</translation>
    </message>
    <message>
        <source>The monitoring user has %1: dbtriage stays read-only, but a monitoring account needs only PROCESS and SELECT on performance_schema and sys.</source>
        <translation>L&apos;utilisateur de surveillance dispose de %1 : dbtriage reste en lecture seule, mais un compte de surveillance n&apos;a besoin que de PROCESS et de SELECT sur performance_schema et sys.</translation>
    </message>
    <message>
        <source>Create a least-privileged monitoring account and connect with it.</source>
        <translation>Créez un compte de surveillance aux privilèges minimaux et connectez-vous avec lui.</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 autres</translation>
    </message>
    <message>
        <source>the blocking transaction if it should not be open</source>
        <translation>la transaction bloquante si elle ne devrait pas être ouverte</translation>
    </message>
    <message>
        <source>the transaction of pid %1 if it should not be open</source>
        <translation>la transaction du pid %1 si elle ne devrait pas être ouverte</translation>
    </message>
    <message>
        <source>the transactions of pids %1 if they should not be open</source>
        <translation>les transactions des pids %1 si elles ne devraient pas être ouvertes</translation>
    </message>
    <message>
        <source>Cancel the %1 (pid %2%3) so that the sessions behind it can proceed, which the command below does, or end %4; run migrations with a short %5 and retries, so that they give up instead of queueing in front of other sessions.</source>
        <translation>Annulez le %1 (pid %2%3) pour que les sessions derrière lui puissent avancer, ce que fait la commande ci-dessous, ou terminez %4 ; lancez les migrations avec un %5 court et des reprises, pour qu&apos;elles abandonnent au lieu de faire la queue devant les autres sessions.</translation>
    </message>
    <message>
        <source>no application</source>
        <translation>sans application</translation>
    </message>
    <message>
        <source>%1 more sessions are root blockers and %2 sessions wait behind them; by application: %3.</source>
        <translation>%1 autres sessions sont des bloqueurs racines et %2 sessions attendent derrière elles ; par application : %3.</translation>
    </message>
    <message>
        <source>Each is listed with what it holds in the Locks view and in a bundle&apos;s lock_waits.csv (pids %1); ask the owner of %2, where most of them come from, why its sessions keep locks that other sessions wait for.</source>
        <translation>Chacune figure avec ses verrous dans la vue Verrous et dans le lock_waits.csv d&apos;un paquet (pids %1) ; demandez au responsable %2, d&apos;où viennent la plupart, pourquoi ses sessions gardent des verrous que d&apos;autres sessions attendent.</translation>
    </message>
</context>
<context>
    <name>FindingOwner</name>
    <message>
        <source>the client</source>
        <translation>du client</translation>
    </message>
    <message>
        <source>application %1</source>
        <translation>de l&apos;application %1</translation>
    </message>
</context>
<context>
    <name>Insight</name>
    <message>
        <source>%1 returned %2 rows per loop where %3 were estimated (%4 more rows than the planner expected), so the plan above it was chosen for the wrong input size.</source>
        <translation>%1 a renvoyé %2 lignes par boucle là où %3 étaient estimées (%4 plus de lignes que prévu par le planificateur) : le plan au-dessus a donc été choisi pour une mauvaise taille d&apos;entrée.</translation>
    </message>
    <message>
        <source>%1 returned %2 rows per loop where %3 were estimated (%4 fewer rows than the planner expected), so the plan above it was chosen for the wrong input size.</source>
        <translation>%1 a renvoyé %2 lignes par boucle là où %3 étaient estimées (%4 moins de lignes que prévu par le planificateur) : le plan au-dessus a donc été choisi pour une mauvaise taille d&apos;entrée.</translation>
    </message>
    <message>
        <source>Refresh statistics with ANALYZE on the tables below this node; for correlated columns try CREATE STATISTICS, or raise the columns&apos; statistics target.</source>
        <translation>Rafraîchissez les statistiques avec ANALYZE sur les tables sous ce nœud ; pour des colonnes corrélées, essayez CREATE STATISTICS ou augmentez la cible de statistiques des colonnes.</translation>
    </message>
    <message>
        <source>Run ANALYZE %1; if the filtered columns are correlated, try CREATE STATISTICS on them, or raise their statistics target (ALTER TABLE … ALTER COLUMN … SET STATISTICS).</source>
        <translation>Lancez ANALYZE %1 ; si les colonnes filtrées sont corrélées, essayez CREATE STATISTICS sur elles ou augmentez leur cible de statistiques (ALTER TABLE … ALTER COLUMN … SET STATISTICS).</translation>
    </message>
    <message>
        <source>Run ANALYZE TABLE %1 PERSISTENT FOR ALL to refresh statistics and histograms.</source>
        <translation>Lancez ANALYZE TABLE %1 PERSISTENT FOR ALL pour rafraîchir les statistiques et les histogrammes.</translation>
    </message>
    <message>
        <source>%1 takes %2 of the execution time (%3 of %4 in this node itself).</source>
        <translation>%1 prend %2 du temps d&apos;exécution (%3 sur %4 dans ce nœud lui-même).</translation>
    </message>
    <message>
        <source>Start here: look at the rows this node reads and the other insights on it.</source>
        <translation>Commencez ici : regardez les lignes que lit ce nœud et les autres constats à son sujet.</translation>
    </message>
    <message>
        <source>its Join Filter</source>
        <translation>son Join Filter</translation>
    </message>
    <message>
        <source>its Filter</source>
        <translation>son Filter</translation>
    </message>
    <message>
        <source>its attached condition</source>
        <translation>sa condition attachée (attached_condition)</translation>
    </message>
    <message>
        <source>%1 discarded %2 of the rows it read (%3 rows) with %4: the rows are read first and thrown away after.</source>
        <translation>%1 a écarté %2 des lignes lues (%3 lignes) avec %4 : les lignes sont d&apos;abord lues, puis jetées.</translation>
    </message>
    <message>
        <source>An index on the filtered columns would read only the rows that are kept.</source>
        <translation>Un index sur les colonnes filtrées ne lirait que les lignes conservées.</translation>
    </message>
    <message>
        <source>An index matching %1 would read only the rows that are kept (a partial or multicolumn index if several columns are compared).</source>
        <translation>Un index correspondant à %1 ne lirait que les lignes conservées (un index partiel ou multicolonne si plusieurs colonnes sont comparées).</translation>
    </message>
    <message>
        <source>Create an index for %1 so that only the matching rows are read.</source>
        <translation>Créez un index pour %1 afin que seules les lignes correspondantes soient lues.</translation>
    </message>
    <message>
        <source>Create an index so that only the matching rows are read.</source>
        <translation>Créez un index afin que seules les lignes correspondantes soient lues.</translation>
    </message>
    <message>
        <source>%1 read %2 to return %3 rows: most of the table was read for few rows.</source>
        <translation>%1 a lu %2 pour renvoyer %3 lignes : la majeure partie de la table a été lue pour peu de lignes.</translation>
    </message>
    <message>
        <source>%1 read %2 rows to return %3: most of the table was read for few rows.</source>
        <translation>%1 a lu %2 lignes pour en renvoyer %3 : la majeure partie de la table a été lue pour peu de lignes.</translation>
    </message>
    <message>
        <source>%1 carries %2 of the plan&apos;s estimated cost and is estimated to return only %3 rows for %4: the whole table is read for a few rows.</source>
        <translation>%1 porte %2 du coût estimé du plan et ne devrait renvoyer que %3 lignes pour %4 : toute la table est lue pour quelques lignes.</translation>
    </message>
    <message>
        <source>Create an index for %1 so that only the matching rows are read; confirm with EXPLAIN ANALYZE and real values.</source>
        <translation>Créez un index pour %1 afin que seules les lignes correspondantes soient lues ; confirmez avec EXPLAIN ANALYZE et des valeurs réelles.</translation>
    </message>
    <message>
        <source>%1 did not fit in work_mem and sorted on disk (%2%3).</source>
        <translation>%1 ne tenait pas dans work_mem et a trié sur disque (%2%3).</translation>
    </message>
    <message>
        <source>external sort</source>
        <translation>tri externe</translation>
    </message>
    <message>
        <source>, %1 written</source>
        <translation>, %1 écrits</translation>
    </message>
    <message>
        <source>Raise work_mem for this query (SET LOCAL work_mem = &apos;%1&apos;), sort fewer rows or narrower rows, or let an index provide the order.</source>
        <translation>Augmentez work_mem pour cette requête (SET LOCAL work_mem = &apos;%1&apos;), triez moins de lignes ou des lignes plus étroites, ou laissez un index fournir l&apos;ordre.</translation>
    </message>
    <message>
        <source>%1 batches</source>
        <translation>%1 lots</translation>
    </message>
    <message>
        <source>%1, planned %2</source>
        <translation>%1, %2 prévus</translation>
    </message>
    <message>
        <source>%1, %2 on disk</source>
        <translation>%1, %2 sur disque</translation>
    </message>
    <message>
        <source>%1 did not fit in memory and was split into batches written to disk (%2).</source>
        <translation>%1 ne tenait pas en mémoire et a été découpé en lots écrits sur disque (%2).</translation>
    </message>
    <message>
        <source>Raise work_mem (or hash_mem_multiplier) for this query (SET LOCAL work_mem = &apos;%1&apos;), or reduce the rows hashed.</source>
        <translation>Augmentez work_mem (ou hash_mem_multiplier) pour cette requête (SET LOCAL work_mem = &apos;%1&apos;), ou réduisez les lignes hachées.</translation>
    </message>
    <message>
        <source>%1 wrote %2 of temporary files.</source>
        <translation>%1 a écrit %2 de fichiers temporaires.</translation>
    </message>
    <message>
        <source>Raise work_mem for this query if the data should stay in memory, or reduce the rows this node keeps.</source>
        <translation>Augmentez work_mem pour cette requête si les données doivent rester en mémoire, ou réduisez les lignes que garde ce nœud.</translation>
    </message>
    <message>
        <source>%1 kept %2 of %3 heap blocks only as lossy pages (the bitmap did not fit in work_mem), so every row on them was checked again%4.</source>
        <translation>%1 n&apos;a gardé %2 des %3 blocs du tas que comme pages avec perte (le bitmap ne tenait pas dans work_mem) : chaque ligne de ces pages a donc été revérifiée%4.</translation>
    </message>
    <message>
        <source> (%1 rows removed by the recheck)</source>
        <translation> (%1 lignes retirées par la revérification)</translation>
    </message>
    <message>
        <source>Raise work_mem for this query so the bitmap stays exact, or make the condition more selective.</source>
        <translation>Augmentez work_mem pour cette requête afin que le bitmap reste exact, ou rendez la condition plus sélective.</translation>
    </message>
    <message>
        <source>%1 had to visit the table for %2 of its %3 rows because the visibility map is not up to date, so it is hardly index-only.</source>
        <translation>%1 a dû consulter la table pour %2 de ses %3 lignes, car la carte de visibilité n&apos;est pas à jour : il n&apos;a donc guère d&apos;« index only ».</translation>
    </message>
    <message>
        <source>Run VACUUM %1 and check that autovacuum keeps up with the changes on it (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_threshold).</source>
        <translation>Lancez VACUUM %1 et vérifiez que l&apos;autovacuum suit le rythme des modifications (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_threshold).</translation>
    </message>
    <message>
        <source>on the table</source>
        <translation>sur la table</translation>
    </message>
    <message>
        <source>%1 ran its inner side (%2) %3 times, which took %4 (%5 of the execution time).</source>
        <translation>%1 a exécuté son côté interne (%2) %3 fois, ce qui a pris %4 (%5 du temps d&apos;exécution).</translation>
    </message>
    <message>
        <source>%1 is planned to run its inner side (%2) for about %3 outer rows, at a cost of %4 each.</source>
        <translation>%1 doit exécuter son côté interne (%2) pour environ %3 lignes externes, à un coût de %4 chacune.</translation>
    </message>
    <message>
        <source>Check the outer side&apos;s row estimate (a low estimate often picks a nested loop); an index matching the join condition on the inner side makes each loop cheap, and a hash or merge join reads each side once.</source>
        <translation>Vérifiez l&apos;estimation de lignes du côté externe (une estimation trop basse conduit souvent à une boucle imbriquée) ; un index correspondant à la condition de jointure côté interne rend chaque boucle peu coûteuse, et une jointure par hachage ou par fusion lit chaque côté une seule fois.</translation>
    </message>
    <message>
        <source>%1 planned 1 worker but launched %3: the parallel part ran with fewer processes than it was costed for.</source>
        <translation>%1 prévoyait 1 worker mais en a lancé %3 : la partie parallèle a tourné avec moins de processus que prévu dans son coût.</translation>
    </message>
    <message>
        <source>%1 planned %2 workers but launched %3: the parallel part ran with fewer processes than it was costed for.</source>
        <translation>%1 prévoyait %2 workers mais en a lancé %3 : la partie parallèle a tourné avec moins de processus que prévu dans son coût.</translation>
    </message>
    <message>
        <source>Check max_parallel_workers and max_worker_processes against the parallel queries that run at the same time.</source>
        <translation>Comparez max_parallel_workers et max_worker_processes aux requêtes parallèles qui tournent en même temps.</translation>
    </message>
    <message>
        <source>The query returned %1 rows to the client and has no Limit.</source>
        <translation>La requête a renvoyé %1 lignes au client et n&apos;a pas de Limit.</translation>
    </message>
    <message>
        <source>The query is estimated to return %1 rows to the client and has no Limit.</source>
        <translation>La requête devrait renvoyer environ %1 lignes au client et n&apos;a pas de Limit.</translation>
    </message>
    <message>
        <source>If the application shows only some rows, add LIMIT (with a keyset or cursor for the next page); if it aggregates them, do that in the query.</source>
        <translation>Si l&apos;application n&apos;affiche que quelques lignes, ajoutez LIMIT (avec un keyset ou un curseur pour la page suivante) ; si elle les agrège, faites-le dans la requête.</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>la table</translation>
    </message>
    <message>
        <source>Full table scan of %1 (%2 rows per scan) keeps only %3 % of the rows it reads.</source>
        <translation>Le parcours complet de %1 (%2 lignes par parcours) ne garde que %3 % des lignes lues.</translation>
    </message>
    <message>
        <source>Add an index on the columns of the WHERE or join condition so that only the matching rows are read.</source>
        <translation>Ajoutez un index sur les colonnes de la condition WHERE ou de jointure afin que seules les lignes correspondantes soient lues.</translation>
    </message>
    <message>
        <source>%1 could use index %2 but no index was chosen.</source>
        <translation>%1 pourrait utiliser l&apos;index %2, mais aucun index n&apos;a été choisi.</translation>
    </message>
    <message>
        <source>The table</source>
        <translation>La table</translation>
    </message>
    <message>
        <source>%1 could use indexes %2 but no index was chosen.</source>
        <translation>%1 pourrait utiliser les index %2, mais aucun index n&apos;a été choisi.</translation>
    </message>
    <message>
        <source>Refresh statistics (ANALYZE TABLE %1); if the optimizer still prefers a scan the index is not selective enough for this condition, or a function or type conversion on the column keeps it from being used.</source>
        <translation>Rafraîchissez les statistiques (ANALYZE TABLE %1) ; si l&apos;optimiseur préfère encore un parcours, l&apos;index n&apos;est pas assez sélectif pour cette condition, ou une fonction ou une conversion de type sur la colonne empêche son utilisation.</translation>
    </message>
    <message>
        <source>The query sorts its rows with a filesort instead of reading them in index order.</source>
        <translation>La requête trie ses lignes par filesort au lieu de les lire dans l&apos;ordre d&apos;un index.</translation>
    </message>
    <message>
        <source>The %1 sorts its rows with a filesort instead of reading them in index order.</source>
        <translation>L&apos;étape %1 trie ses lignes par filesort au lieu de les lire dans l&apos;ordre d&apos;un index.</translation>
    </message>
    <message>
        <source>An index whose columns match the ORDER BY (after the equality columns of the WHERE) returns rows already sorted.</source>
        <translation>Un index dont les colonnes correspondent à l&apos;ORDER BY (après les colonnes d&apos;égalité du WHERE) renvoie les lignes déjà triées.</translation>
    </message>
    <message>
        <source>The query builds a temporary table.</source>
        <translation>La requête construit une table temporaire.</translation>
    </message>
    <message>
        <source>The %1 builds a temporary table to group the rows.</source>
        <translation>L&apos;étape %1 construit une table temporaire pour regrouper les lignes.</translation>
    </message>
    <message>
        <source>The %1 builds a temporary table to remove duplicates.</source>
        <translation>L&apos;étape %1 construit une table temporaire pour éliminer les doublons.</translation>
    </message>
    <message>
        <source>The %1 builds a temporary table.</source>
        <translation>L&apos;étape %1 construit une table temporaire.</translation>
    </message>
    <message>
        <source>An index on the GROUP BY / DISTINCT columns lets the server group rows in index order without a temporary table; also check that the temporary table fits in tmp_table_size.</source>
        <translation>Un index sur les colonnes du GROUP BY / DISTINCT permet au serveur de regrouper les lignes dans l&apos;ordre de l&apos;index sans table temporaire ; vérifiez aussi que la table temporaire tient dans tmp_table_size.</translation>
    </message>
</context>
<context>
    <name>LockForest</name>
    <message>
        <source>row lock</source>
        <translation>verrou de ligne</translation>
    </message>
    <message>
        <source>table lock</source>
        <translation>verrou de table</translation>
    </message>
    <message>
        <source>metadata lock</source>
        <translation>verrou de métadonnées</translation>
    </message>
    <message>
        <source>advisory lock</source>
        <translation>verrou consultatif</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>verrou</translation>
    </message>
    <message>
        <source>%1 lock</source>
        <translation>verrou %1</translation>
    </message>
</context>
<context>
    <name>LockObject</name>
    <message>
        <source>row (%1) of %2</source>
        <translation>ligne (%1) de %2</translation>
    </message>
    <message>
        <source>row (%1)</source>
        <translation>ligne (%1)</translation>
    </message>
    <message>
        <source>row of %1</source>
        <translation>ligne de %1</translation>
    </message>
    <message>
        <source>row</source>
        <translation>ligne</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>page %1 de %2</translation>
    </message>
    <message>
        <source>extension of %1</source>
        <translation>extension de %1</translation>
    </message>
    <message>
        <source>speculative insertion of transaction %1</source>
        <translation>insertion spéculative de la transaction %1</translation>
    </message>
    <message>
        <source>virtual transaction %1</source>
        <translation>transaction virtuelle %1</translation>
    </message>
    <message>
        <source>transaction %1</source>
        <translation>transaction %1</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>Plan (%1, with actual times and rows)</source>
        <translation>Plan (%1, avec temps et lignes réels)</translation>
    </message>
    <message>
        <source>Plan (%1, estimates only)</source>
        <translation>Plan (%1, estimations seulement)</translation>
    </message>
    <message>
        <source>, planning %1</source>
        <translation>, planification %1</translation>
    </message>
    <message>
        <source>, execution %1</source>
        <translation>, exécution %1</translation>
    </message>
    <message>
        <source>, total %1</source>
        <translation>, total %1</translation>
    </message>
    <message>
        <source>, 1 node</source>
        <translation>, 1 nœud</translation>
    </message>
    <message>
        <source>, %1 nodes</source>
        <translation>, %1 nœuds</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>Triggers:</source>
        <translation>Déclencheurs :</translation>
    </message>
    <message>
        <source>, %1 calls</source>
        <translation>, %1 appels</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Paramètres :</translation>
    </message>
    <message>
        <source>Insights: none; nothing in this plan crosses the thresholds.</source>
        <translation>Constats : aucun ; rien dans ce plan ne dépasse les seuils.</translation>
    </message>
    <message>
        <source>Insights (%1):</source>
        <translation>Constats (%1) :</translation>
    </message>
    <message>
        <source>Try: %1</source>
        <translation>Suggestion : %1</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Afficher l&apos;aide sur les options de la ligne de commande.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Afficher l&apos;aide, y compris les options propres à Qt.</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>Étape suivante : %1</translation>
    </message>
    <message>
        <source>For a senior to review and run; dbtriage never runs it.</source>
        <translation>À relire et exécuter par une personne expérimentée ; dbtriage ne l&apos;exécute jamais.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Copier la commande dans le presse-papiers</translation>
    </message>
    <message>
        <source>%1 could not be read in this sample: the query ran longer than dbtriage&apos;s statement timeout (the server is busy or the view is large). The next sample tries again.</source>
        <translation>%1 n&apos;ont pas pu être lues dans cet échantillon : la requête a duré plus longtemps que le délai d&apos;exécution de dbtriage (le serveur est chargé ou la vue est grande). Le prochain échantillon réessaie.</translation>
    </message>
    <message>
        <source>%1 could not be read in this sample: the query waited too long for a lock. The next sample tries again.</source>
        <translation>%1 n&apos;ont pas pu être lues dans cet échantillon : la requête a attendu trop longtemps un verrou. Le prochain échantillon réessaie.</translation>
    </message>
    <message>
        <source>%1 are incomplete: %2.</source>
        <translation>%1 sont incomplètes : %2.</translation>
    </message>
    <message>
        <source>%1 are not available: %2.</source>
        <translation>%1 ne sont pas disponibles : %2.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation>%1 n&apos;ont pas pu être lues : %2.</translation>
    </message>
    <message>
        <source>the monitoring user</source>
        <translation>l&apos;utilisateur de surveillance</translation>
    </message>
    <message>
        <source>Ask a DBA to grant pg_monitor to %1 (GRANT pg_monitor TO %1;), or connect as a role that has it.</source>
        <translation>Demandez à un DBA d&apos;accorder pg_monitor à %1 (GRANT pg_monitor TO %1;), ou connectez-vous avec un rôle qui l&apos;a.</translation>
    </message>
    <message>
        <source>Ask a DBA to grant PROCESS and SELECT on performance_schema to %1, or connect as a user that has them.</source>
        <translation>Demandez à un DBA d&apos;accorder PROCESS et SELECT sur performance_schema à %1, ou connectez-vous avec un utilisateur qui les a.</translation>
    </message>
</context>
<context>
    <name>RedundantIndexesModel</name>
    <message>
        <source>duplicate of %1 (same columns)</source>
        <translation>doublon de %1 (mêmes colonnes)</translation>
    </message>
    <message>
        <source>prefix of %1, which serves the same lookups</source>
        <translation>préfixe de %1, qui sert les mêmes recherches</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>Top %1 statements (recorded advice)</source>
        <translation>Les %1 premières instructions (conseil enregistré)</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>local socket%1</source>
        <translation>socket local%1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 at %2 as %3</source>
        <translation>%1 sur %2 en tant que %3</translation>
    </message>
    <message>
        <source>%1 (standby)</source>
        <translation>%1 (secours)</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>%1 more</source>
        <translation>%1 de plus</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source> (query texts redacted)</source>
        <translation> (textes des requêtes masqués)</translation>
    </message>
    <message>
        <source> (NOT redacted)</source>
        <translation> (NON masqués)</translation>
    </message>
    <message>
        <source>%1 samples, %2 s apart, %3 → %4%5</source>
        <translation>%1 échantillons à %2 s d&apos;intervalle, %3 → %4%5</translation>
    </message>
    <message>
        <source>Sampled at %1%2</source>
        <translation>Échantillon du %1%2</translation>
    </message>
    <message>
        <source>Connections: %1 of %2 usable</source>
        <translation>Connexions : %1 sur %2 utilisables</translation>
    </message>
    <message>
        <source> (max_connections %1, %2 reserved)</source>
        <translation> (max_connections %1, %2 réservées)</translation>
    </message>
    <message>
        <source>Findings (%1):</source>
        <translation>Constats (%1) :</translation>
    </message>
    <message>
        <source>none: nothing above the thresholds.</source>
        <translation>aucun : rien au-dessus des seuils.</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>ALERTE</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITIQUE</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Ensuite : %1</translation>
    </message>
    <message>
        <source>For a senior to run (dbtriage never runs it): %1</source>
        <translation>À lancer par un senior (dbtriage ne le lance jamais) : %1</translation>
    </message>
    <message>
        <source>Lock waits: %1 edge(s), %2 root blocker(s)</source>
        <translation>Attentes de verrous : %1 arête(s), %2 bloqueur(s) racine(s)</translation>
    </message>
    <message>
        <source>… and %1 more root blockers</source>
        <translation>… et %1 autres bloqueurs racines</translation>
    </message>
    <message>
        <source>, transaction open %1</source>
        <translation>, transaction ouverte depuis %1</translation>
    </message>
    <message>
        <source>pid %1%2: %3%4%5, blocks %6 (%7 directly)</source>
        <translation>pid %1%2 : %3%4%5, bloque %6 (%7 directement)</translation>
    </message>
    <message>
        <source> (in a lock cycle)</source>
        <translation> (dans un cycle de verrous)</translation>
    </message>
    <message>
        <source>unknown state</source>
        <translation>état inconnu</translation>
    </message>
    <message>
        <source>, application %1</source>
        <translation>, application %1</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>détient %1</translation>
    </message>
    <message>
        <source>last query: %1</source>
        <translation>dernière requête : %1</translation>
    </message>
    <message>
        <source>pid %1 waits for %2 on %3</source>
        <translation>le pid %1 attend %2 sur %3</translation>
    </message>
    <message>
        <source>pid %1 waits for %2 on %3 (queued behind it)</source>
        <translation>le pid %1 attend %2 sur %3 (en file derrière lui)</translation>
    </message>
    <message>
        <source>Top statements in the window (%1), by total time:</source>
        <translation>Requêtes principales de la fenêtre (%1), par temps total :</translation>
    </message>
    <message>
        <source>Top statements since the statistics reset, by total time:</source>
        <translation>Requêtes principales depuis la réinitialisation des statistiques, par temps total :</translation>
    </message>
    <message>
        <source>none recorded.</source>
        <translation>aucune enregistrée.</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>appels</translation>
    </message>
    <message>
        <source>ms/call</source>
        <translation>ms/appel</translation>
    </message>
    <message>
        <source>(text not available) id %1</source>
        <translation>(texte indisponible) id %1</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Santé :</translation>
    </message>
    <message>
        <source>cache hit %1 %</source>
        <translation>taux de succès du cache %1 %</translation>
    </message>
    <message>
        <source>longest transaction %1</source>
        <translation>plus longue transaction %1</translation>
    </message>
    <message>
        <source>oldest xmin age %1</source>
        <translation>âge du plus ancien xmin %1</translation>
    </message>
    <message>
        <source>temp files %1 (%2)</source>
        <translation>fichiers temporaires %1 (%2)</translation>
    </message>
    <message>
        <source>deadlocks %1</source>
        <translation>interblocages %1</translation>
    </message>
    <message>
        <source>Probes: all %1 ok</source>
        <translation>Sondes : toutes les %1 sont ok</translation>
    </message>
    <message>
        <source>Probes:</source>
        <translation>Sondes :</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>socket local</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 sur %3</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> en tant que %1</translation>
    </message>
    <message>
        <source> (standby)</source>
        <translation> (secours)</translation>
    </message>
    <message>
        <source>call</source>
        <translation>appel</translation>
    </message>
</context>
<context>
    <name>UnusedIndexesModel</name>
    <message>
        <source>1 scan</source>
        <translation>1 parcours</translation>
    </message>
    <message>
        <source>%1 scans</source>
        <translation>%1 parcours</translation>
    </message>
    <message>
        <source>%1 since the statistics were last reset (time unknown)</source>
        <translation>%1 depuis la dernière réinitialisation des statistiques (date inconnue)</translation>
    </message>
    <message>
        <source>%1 since the statistics reset at %2</source>
        <translation>%1 depuis la réinitialisation des statistiques à %2</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Why unused</source>
        <translation>Pourquoi inutilisé</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
</context>
<context>
    <name>advise</name>
    <message>
        <source>Statements to consider (default 10).</source>
        <translation>Requêtes à examiner (10 par défaut).</translation>
    </message>
    <message>
        <source>Advise for this one statement instead.</source>
        <translation>Conseiller plutôt pour cette seule requête.</translation>
    </message>
    <message>
        <source>Seconds between the two samples of the window (default 10).</source>
        <translation>Secondes entre les deux échantillons de la fenêtre (10 par défaut).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>Proposes indexes for the statements that cost most over a short window, validated with HypoPG where it is installed (heuristic otherwise, and always on MySQL and MariaDB), plus unused and redundant indexes. Read-only: nothing is created or dropped; the DDL is for you to review.</source>
        <translation>Propose des index pour les requêtes les plus coûteuses sur une courte fenêtre, validés avec HypoPG là où il est installé (heuristiques sinon, et toujours sous MySQL et MariaDB), ainsi que les index inutilisés et redondants. Lecture seule : rien n&apos;est créé ni supprimé ; le DDL est à relire par vous.</translation>
    </message>
    <message>
        <source>postgresql:// URI, libpq keyword string, service=NAME, mysql:// or mariadb:// URI.</source>
        <translation>URI postgresql://, chaîne de mots-clés libpq, service=NAME, URI mysql:// ou mariadb://.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage advise --help&quot; for the options.</source>
        <translation>Lancez « dbtriage advise --help » pour les options.</translation>
    </message>
    <message>
        <source>give exactly one CONNECTION, for example &quot;postgresql://monitor@db1/app&quot;.</source>
        <translation>indiquez exactement une CONNEXION, par exemple « postgresql://monitor@db1/app ».</translation>
    </message>
    <message>
        <source>--top takes a whole number from 1 to 500.</source>
        <translation>--top attend un nombre entier de 1 à 500.</translation>
    </message>
    <message>
        <source>--window takes seconds from 0.5 to 3600.</source>
        <translation>--window attend des secondes de 0.5 à 3600.</translation>
    </message>
    <message>
        <source>--query needs a statement.</source>
        <translation>--query demande une requête.</translation>
    </message>
    <message>
        <source>the window needs two samples and did not get them.</source>
        <translation>la fenêtre demande deux échantillons et ne les a pas obtenus.</translation>
    </message>
    <message>
        <source>no statement took 1 % or more of the window&apos;s time; nothing to advise on (only unused and redundant indexes follow).</source>
        <translation>aucune requête n&apos;a pris 1 % ou plus du temps de la fenêtre ; rien à conseiller (seuls les index inutilisés et redondants suivent).</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>dbtriage: unknown command &quot;%1&quot;.</source>
        <translation>dbtriage : commande inconnue « %1 ».</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>CONNEXION</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>FILE.zip|DIR</source>
        <translation>FICHIER.zip|RÉP</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <source>[CONNECTION]</source>
        <translation>[CONNEXION]</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>BASE</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>Timeout of each of the tool&apos;s statements, ms (default 5000).</source>
        <translation>Délai maximal de chaque requête de l&apos;outil, en ms (5000 par défaut).</translation>
    </message>
    <message>
        <source>Longest wait for another session&apos;s lock, ms (default 500).</source>
        <translation>Attente maximale du verrou d&apos;une autre session, en ms (500 par défaut).</translation>
    </message>
    <message>
        <source>--statement-timeout takes milliseconds from 100 to %1.</source>
        <translation>--statement-timeout attend des millisecondes de 100 à %1.</translation>
    </message>
    <message>
        <source>--lock-timeout takes milliseconds from 10 to 60000.</source>
        <translation>--lock-timeout attend des millisecondes de 10 à 60000.</translation>
    </message>
</context>
<context>
    <name>collect</name>
    <message>
        <source>--out %1 is a directory; name a file ending in .zip.</source>
        <translation>--out %1 est un répertoire ; indiquez un fichier se terminant par .zip.</translation>
    </message>
    <message>
        <source>--out %1 exists and is not a directory; name a new directory or a file ending in .zip.</source>
        <translation>--out %1 existe et n&apos;est pas un répertoire ; indiquez un nouveau répertoire ou un fichier se terminant par .zip.</translation>
    </message>
    <message>
        <source>--out %1 is a directory that is not empty; name a new directory (dbtriage never writes into one that holds other files) or a file ending in .zip.</source>
        <translation>--out %1 est un répertoire non vide ; indiquez un nouveau répertoire (dbtriage n&apos;écrit jamais dans un répertoire qui contient d&apos;autres fichiers) ou un fichier se terminant par .zip.</translation>
    </message>
    <message>
        <source>Samples a PostgreSQL, MySQL or MariaDB server read-only and prints a summary: connections, root blockers of lock waits, top statements and findings.</source>
        <translation>Échantillonne en lecture seule un serveur PostgreSQL, MySQL ou MariaDB et affiche un résumé : connexions, bloqueurs racines des attentes de verrous, requêtes principales et constats.</translation>
    </message>
    <message>
        <source>postgresql:// URI, libpq keyword string, service=NAME, or mysql:// URI.</source>
        <translation>URI postgresql://, chaîne de mots-clés libpq, service=NOM, ou URI mysql://.</translation>
    </message>
    <message>
        <source>Write an evidence bundle: a .zip file, or a new (or empty) directory.</source>
        <translation>Écrire un dossier de preuves : un fichier .zip, ou un répertoire nouveau (ou vide).</translation>
    </message>
    <message>
        <source>A note for the bundle&apos;s README (ticket, what was seen).</source>
        <translation>Une note pour le README du dossier (ticket, ce qui a été observé).</translation>
    </message>
    <message>
        <source>Add index candidates (index-candidates.sql, commented, never executed).</source>
        <translation>Ajouter les index candidats (index-candidates.sql, commenté, jamais exécuté).</translation>
    </message>
    <message>
        <source>Number of samples (default 1).</source>
        <translation>Nombre d&apos;échantillons (1 par défaut).</translation>
    </message>
    <message>
        <source>Seconds between samples (default 2).</source>
        <translation>Secondes entre les échantillons (2 par défaut).</translation>
    </message>
    <message>
        <source>Print the snapshot as JSON.</source>
        <translation>Afficher l&apos;instantané en JSON.</translation>
    </message>
    <message>
        <source>Keep literals in query texts (they may hold customers&apos; data).</source>
        <translation>Garder les littéraux dans les textes des requêtes (ils peuvent contenir des données de clients).</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage collect --help&quot; for the options.</source>
        <translation>Lancez « dbtriage collect --help » pour les options.</translation>
    </message>
    <message>
        <source>give exactly one CONNECTION, for example &quot;postgresql://monitor@db1/app&quot; or &quot;service=prod&quot;.</source>
        <translation>indiquez exactement une CONNEXION, par exemple « postgresql://monitor@db1/app » ou « service=prod ».</translation>
    </message>
    <message>
        <source>--samples takes a whole number from 1 up.</source>
        <translation>--samples attend un nombre entier à partir de 1.</translation>
    </message>
    <message>
        <source>--interval takes seconds from 0.1 to 3600.</source>
        <translation>--interval attend des secondes de 0.1 à 3600.</translation>
    </message>
    <message>
        <source>--out needs a path.</source>
        <translation>--out demande un chemin.</translation>
    </message>
    <message>
        <source>--explain-top takes a whole number from 1 to 100.</source>
        <translation>--explain-top attend un nombre entier de 1 à 100.</translation>
    </message>
    <message>
        <source>--note takes at most 4,000 characters.</source>
        <translation>--note accepte au plus 4 000 caractères.</translation>
    </message>
    <message>
        <source>no sample could be taken; nothing was written.</source>
        <translation>aucun échantillon n&apos;a pu être pris ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>charts need a QGuiApplication; the bundle has none.</source>
        <translation>les graphiques demandent une QGuiApplication ; le dossier n&apos;en contient pas.</translation>
    </message>
    <message>
        <source>, query texts redacted</source>
        <translation>, textes des requêtes masqués</translation>
    </message>
    <message>
        <source>, NOT redacted</source>
        <translation>, NON masqués</translation>
    </message>
    <message>
        <source>Add the plans of the N costliest statements (plans/*.json and .txt; generic plans, EXPLAIN without ANALYZE).</source>
        <translation>Ajouter les plans des N requêtes les plus coûteuses (plans/*.json et .txt ; plans génériques, EXPLAIN sans ANALYZE).</translation>
    </message>
    <message>
        <source>--explain-top and --advise add files to a bundle; give --out FILE.zip|DIR for them.</source>
        <translation>--explain-top et --advise ajoutent des fichiers à un bundle ; indiquez --out FICHIER.zip|RÉP pour eux.</translation>
    </message>
    <message>
        <source>statement %1 was not explained: %2</source>
        <translation>la requête %1 n&apos;a pas été expliquée : %2</translation>
    </message>
    <message numerus="yes">
        <source>partial result: %n of the top statements could not be explained; the bundle says why.</source>
        <translation>
            <numerusform>résultat partiel : %n des requêtes principales n&apos;a pas pu être expliquée ; le bundle dit pourquoi.</numerusform>
            <numerusform>résultat partiel : %n des requêtes principales n&apos;ont pas pu être expliquées ; le bundle dit pourquoi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Written: %1 (zip, %n files, %2</source>
        <translation>
            <numerusform>Écrit : %1 (zip, %n fichier, %2</numerusform>
            <numerusform>Écrit : %1 (zip, %n fichiers, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Written: %1 (directory, %n files, %2</source>
        <translation>
            <numerusform>Écrit : %1 (répertoire, %n fichier, %2</numerusform>
            <numerusform>Écrit : %1 (répertoire, %n fichiers, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n samples were taken; the output holds those.</source>
        <translation>
            <numerusform>%1 échantillon sur %n a été pris ; la sortie contient ceux-là.</numerusform>
            <numerusform>%1 échantillons sur %n ont été pris ; la sortie contient ceux-là.</numerusform>
        </translation>
    </message>
    <message>
        <source>partial result; these probes did not complete: %1.</source>
        <translation>résultat partiel ; ces sondes n&apos;ont pas abouti : %1.</translation>
    </message>
    <message>
        <source>--out %1 cannot be written: %2 is not a directory you can write to. Choose a place you can write to.</source>
        <translation>--out %1 ne peut pas être écrit : %2 n’est pas un répertoire où vous pouvez écrire. Choisissez un endroit où vous pouvez écrire.</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <source>Compares two recordings: statements whose time changed most, root blockers new or gone, connection counts before and after, settings that changed. B may be a live CONNECTION instead of a bundle: it is sampled now.</source>
        <translation>Compare deux enregistrements : requêtes dont le temps a le plus changé, bloqueurs racines apparus ou disparus, nombre de connexions avant et après, réglages modifiés. B peut être une CONNEXION en direct au lieu d&apos;un dossier : elle est échantillonnée maintenant.</translation>
    </message>
    <message>
        <source>The earlier bundle.</source>
        <translation>Le dossier le plus ancien.</translation>
    </message>
    <message>
        <source>The later bundle, or a CONNECTION to sample now.</source>
        <translation>Le dossier le plus récent, ou une CONNEXION à échantillonner maintenant.</translation>
    </message>
    <message>
        <source>Samples of a live B (default 2).</source>
        <translation>Échantillons d&apos;un B en direct (2 par défaut).</translation>
    </message>
    <message>
        <source>Seconds between samples of a live B (default 2).</source>
        <translation>Secondes entre les échantillons d&apos;un B en direct (2 par défaut).</translation>
    </message>
    <message>
        <source>Statements to list (default 10).</source>
        <translation>Requêtes à lister (10 par défaut).</translation>
    </message>
    <message>
        <source>Print the comparison as JSON.</source>
        <translation>Afficher la comparaison en JSON.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage compare --help&quot; for the options.</source>
        <translation>Lancez « dbtriage compare --help » pour les options.</translation>
    </message>
    <message>
        <source>give two bundles A and B, or a bundle A and a CONNECTION B.</source>
        <translation>indiquez deux dossiers A et B, ou un dossier A et une CONNEXION B.</translation>
    </message>
    <message>
        <source>--samples takes a whole number from 1 to 1000.</source>
        <translation>--samples attend un nombre entier de 1 à 1000.</translation>
    </message>
    <message>
        <source>--interval takes seconds from 0.1 to 3600.</source>
        <translation>--interval attend des secondes de 0.1 à 3600.</translation>
    </message>
    <message>
        <source>--top takes a whole number from 1 to 1000.</source>
        <translation>--top attend un nombre entier de 1 à 1000.</translation>
    </message>
    <message>
        <source>B is neither a file nor a reachable server: %1</source>
        <translation>B n&apos;est ni un fichier ni un serveur joignable : %1</translation>
    </message>
    <message>
        <source>sampling %1 now (1 sample)</source>
        <translation>échantillonnage de %1 maintenant (1 échantillon)</translation>
    </message>
    <message>
        <source>sampling %1 now (%2 samples)</source>
        <translation>échantillonnage de %1 maintenant (%2 échantillons)</translation>
    </message>
</context>
<context>
    <name>dbt::AdviceCandidatesModel</name>
    <message>
        <source>validated with HypoPG</source>
        <translation>validé avec HypoPG</translation>
    </message>
    <message>
        <source>heuristic, not validated</source>
        <translation>heuristique, non validé</translation>
    </message>
    <message>
        <source> (GIN)</source>
        <translation> (GIN)</translation>
    </message>
    <message>
        <source> (GIN, trigram)</source>
        <translation> (GIN, trigrammes)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 → not estimated</source>
        <translation>%1 → non estimé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation>%1 (+%2 autres)</translation>
    </message>
    <message>
        <source>The planner chose a hypothetical index (HypoPG) for these statements and its estimated cost dropped as shown.</source>
        <translation>Le planificateur a choisi un index hypothétique (HypoPG) pour ces requêtes et leur coût estimé a baissé comme indiqué.</translation>
    </message>
    <message>
        <source>Proposed from the statistics and the current plan only; the planner has not confirmed it. The details say how to validate it.</source>
        <translation>Proposé à partir des statistiques et du plan actuel seulement ; le planificateur ne l&apos;a pas confirmé. Les détails disent comment le valider.</translation>
    </message>
    <message>
        <source>The planner&apos;s estimated cost of the statements it helps, summed: now → with the index.</source>
        <translation>Le coût estimé par le planificateur des requêtes qu&apos;il aide, additionné : maintenant → avec l&apos;index.</translation>
    </message>
    <message>
        <source>%1: %2 of the window&apos;s time, %3 calls</source>
        <translation>%1 : %2 du temps de la fenêtre, %3 appels</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Columns (in order)</source>
        <translation>Colonnes (dans l&apos;ordre)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Cost before → after</source>
        <translation>Coût avant → après</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Gain</translation>
    </message>
    <message>
        <source>Statements helped</source>
        <translation>Requêtes aidées</translation>
    </message>
    <message>
        <source>Est. size</source>
        <translation>Taille estimée</translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation>Réserves</translation>
    </message>
    <message>
        <source>%1 of the window: %2</source>
        <translation>%1 de la fenêtre : %2</translation>
    </message>
</context>
<context>
    <name>dbt::JobRunner</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Cancelled: the connection changed before the job finished. Run it again.</source>
        <translation>Annulé : la connexion a changé avant la fin de la tâche. Relancez-la.</translation>
    </message>
    <message>
        <source>%1 failed unexpectedly: %2. Try again; if it keeps failing, report it with the bundle.</source>
        <translation>%1 a échoué de façon inattendue : %2. Réessayez ; si l&apos;échec persiste, signalez-le avec le dossier de preuves.</translation>
    </message>
    <message>
        <source>%1 failed unexpectedly. Try again; if it keeps failing, report it with the bundle.</source>
        <translation>%1 a échoué de façon inattendue. Réessayez ; si l&apos;échec persiste, signalez-le avec le dossier de preuves.</translation>
    </message>
    <message>
        <source>This needs a connection to a server: connect first (File → Connect…); a bundle or snapshot holds no live server.</source>
        <translation>Il faut pour cela une connexion à un serveur : connectez-vous d&apos;abord (Fichier → Se connecter…) ; un dossier ou un instantané ne contient pas de serveur en direct.</translation>
    </message>
</context>
<context>
    <name>dbt::LockTreeModel</name>
    <message>
        <source>+%1 waiting</source>
        <translation>+%1 en attente</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 (queued behind)</source>
        <translation>%1 (en file derrière)</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>PID %1 (lock cycle)</source>
        <translation>PID %1 (cycle de verrous)</translation>
    </message>
    <message>
        <source>PID %1 (root blocker)</source>
        <translation>PID %1 (bloqueur racine)</translation>
    </message>
    <message>
        <source>PIDs %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>détient %1</translation>
    </message>
    <message>
        <source>1 session waits behind this one</source>
        <translation>1 session attend derrière celle-ci</translation>
    </message>
    <message>
        <source>%1 sessions wait behind this one</source>
        <translation>%1 sessions attendent derrière celle-ci</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>Attend</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Holds / query</source>
        <translation>Détient / requête</translation>
    </message>
    <message numerus="yes">
        <source>also blocked by %n (PID %1)</source>
        <translation>
            <numerusform>aussi bloquée par %n (PID %1)</numerusform>
            <numerusform>aussi bloquée par %n (PID %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1 ; %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n rows of %2</source>
        <translation>
            <numerusform>%1 sur %n ligne de %2</numerusform>
            <numerusform>%1 sur %n lignes de %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n waiting</source>
        <translation>
            <numerusform>%1 : %n en attente</numerusform>
            <numerusform>%1 : %n en attente</numerusform>
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
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Top queries</source>
        <translation>Requêtes principales</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Verrous</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Se connecter…</translation>
    </message>
    <message>
        <source>&amp;Open snapshot…</source>
        <translation>&amp;Ouvrir un instantané…</translation>
    </message>
    <message>
        <source>Open &amp;bundle…</source>
        <translation>Ouvrir un &amp;dossier de preuves…</translation>
    </message>
    <message>
        <source>Open an evidence bundle (.zip or directory) written by Export evidence or dbtriage collect --out (Ctrl+Shift+O)</source>
        <translation>Ouvrir un dossier de preuves (.zip ou répertoire) écrit par « Exporter les preuves » ou dbtriage collect --out (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Sampling</source>
        <translation>&amp;Échantillonnage</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause sampling; the panels keep the last data (Ctrl+P)</source>
        <translation>Suspendre l&apos;échantillonnage ; les panneaux gardent les dernières données (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Actualiser maintenant</translation>
    </message>
    <message>
        <source>Take a sample now (F5)</source>
        <translation>Prendre un échantillon maintenant (F5)</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>toutes les %1 s</translation>
    </message>
    <message>
        <source>Sampling interval</source>
        <translation>Intervalle d&apos;échantillonnage</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sessions</translation>
    </message>
    <message>
        <source>&amp;Top queries</source>
        <translation>&amp;Requêtes principales</translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation>V&amp;errous</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About dbtriage</source>
        <translation>&amp;À propos de dbtriage</translation>
    </message>
    <message>
        <source>About dbtriage</source>
        <translation>À propos de dbtriage</translation>
    </message>
    <message>
        <source>&lt;b&gt;dbtriage&lt;/b&gt; %1&lt;br&gt;Query and lock diagnostics for PostgreSQL, MySQL and MariaDB. Read-only: it never changes data or schema, and it shows commands for a senior to run, never runs them.</source>
        <translation>&lt;b&gt;dbtriage&lt;/b&gt; %1&lt;br&gt;Diagnostic des requêtes et des verrous pour PostgreSQL, MySQL et MariaDB. En lecture seule : il ne modifie jamais les données ni le schéma, et il affiche les commandes qu&apos;une personne expérimentée peut exécuter, sans jamais les exécuter lui-même.</translation>
    </message>
    <message>
        <source>Open snapshot</source>
        <translation>Ouvrir un instantané</translation>
    </message>
    <message>
        <source>dbtriage snapshots (*.json);;All files (*)</source>
        <translation>Instantanés dbtriage (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation>Ouvrir un dossier de preuves</translation>
    </message>
    <message>
        <source>Evidence bundles (*.zip manifest.json snapshot.json);;All files (*)</source>
        <translation>Dossiers de preuves (*.zip manifest.json snapshot.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>Non ouvert : %1</translation>
    </message>
    <message>
        <source>This is a recording, not live data. %1.</source>
        <translation>Ceci est un enregistrement, pas des données en direct. %1.</translation>
    </message>
    <message>
        <source>bundle %1, %2 samples</source>
        <translation>dossier %1, %2 échantillons</translation>
    </message>
    <message>
        <source>bundle %1</source>
        <translation>dossier %1</translation>
    </message>
    <message>
        <source>%1 (recording) — dbtriage</source>
        <translation>%1 (enregistrement) — dbtriage</translation>
    </message>
    <message>
        <source>%1 (recording, UNVERIFIED) — dbtriage</source>
        <translation>%1 (enregistrement, NON VÉRIFIÉ) — dbtriage</translation>
    </message>
    <message>
        <source>Reading the password from the desktop keyring…</source>
        <translation>Lecture du mot de passe dans le trousseau du bureau…</translation>
    </message>
    <message>
        <source>%1 — dbtriage</source>
        <translation>%1 — dbtriage</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 fichiers</translation>
    </message>
    <message>
        <source>%1, 1 sample recorded at %2</source>
        <translation>%1, 1 échantillon enregistré à %2</translation>
    </message>
    <message>
        <source>%1, %2 samples up to %3</source>
        <translation>%1, %2 échantillons jusqu&apos;à %3</translation>
    </message>
    <message>
        <source>%1  · %2 critical</source>
        <translation>%1  · %2 critiques</translation>
    </message>
    <message>
        <source>%1  · %2</source>
        <translation>%1  · %2</translation>
    </message>
    <message>
        <source>%1  · %2 waiting</source>
        <translation>%1  · %2 en attente</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The new language applies when dbtriage is started again.</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage de dbtriage.</translation>
    </message>
    <message>
        <source>&amp;Export evidence…</source>
        <translation>&amp;Exporter les preuves…</translation>
    </message>
    <message>
        <source>Write an evidence bundle of the recent samples with a note: a .zip or a directory to attach to a ticket (Ctrl+E)</source>
        <translation>Écrire un dossier de preuves des derniers échantillons avec une note : un .zip ou un répertoire à joindre à un ticket (Ctrl+E)</translation>
    </message>
    <message>
        <source>Co&amp;mpare with bundle…</source>
        <translation>Co&amp;mparer avec un dossier…</translation>
    </message>
    <message>
        <source>Compare a bundle (before) with what the window shows now (after): statements, root blockers, connections, settings</source>
        <translation>Comparer un dossier (avant) avec ce que la fenêtre montre maintenant (après) : requêtes, bloqueurs racines, connexions, réglages</translation>
    </message>
    <message>
        <source>Compare with bundle</source>
        <translation>Comparer avec un dossier</translation>
    </message>
    <message>
        <source>There is nothing to compare with yet: connect to a server or open a bundle first.</source>
        <translation>Il n&apos;y a encore rien à comparer : connectez-vous d&apos;abord à un serveur ou ouvrez un dossier.</translation>
    </message>
    <message>
        <source>live window</source>
        <translation>fenêtre en direct</translation>
    </message>
    <message>
        <source>shown snapshots</source>
        <translation>instantanés affichés</translation>
    </message>
    <message>
        <source> (UNVERIFIED)</source>
        <translation> (NON VÉRIFIÉ)</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>&amp;Plans</source>
        <translation>&amp;Plans</translation>
    </message>
    <message>
        <source>There is no statement text to explain: pick a statement with its text, or use Explain SQL… to type one.</source>
        <translation>Il n&apos;y a pas de texte de requête à expliquer : choisissez une requête avec son texte, ou utilisez « Expliquer du SQL… » pour en saisir une.</translation>
    </message>
    <message>
        <source>Planning the statement on the server…</source>
        <translation>Planification de la requête sur le serveur…</translation>
    </message>
    <message>
        <source>Explaining…</source>
        <translation>Explication en cours…</translation>
    </message>
    <message>
        <source>The server answered with a plan dbtriage cannot read (%1); run the EXPLAIN yourself to see it.</source>
        <translation>Le serveur a répondu par un plan que dbtriage ne sait pas lire (%1) ; lancez l&apos;EXPLAIN vous-même pour le voir.</translation>
    </message>
    <message>
        <source>The server is not answering: the panels show the sample from %1 (%2 ago). dbtriage reconnects in the background.</source>
        <translation>Le serveur ne répond pas : les panneaux montrent l&apos;échantillon de %1 (il y a %2). dbtriage se reconnecte en arrière-plan.</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>&amp;Indexes</source>
        <translation>&amp;Index</translation>
    </message>
    <message>
        <source>Explained as: %1</source>
        <translation>Expliqué sous la forme : %1</translation>
    </message>
</context>
<context>
    <name>dbt::PlanModel</name>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Exclusive time</source>
        <translation>Temps propre</translation>
    </message>
    <message>
        <source>Exclusive cost</source>
        <translation>Coût propre</translation>
    </message>
    <message>
        <source>Inclusive time</source>
        <translation>Temps inclusif</translation>
    </message>
    <message>
        <source>Inclusive cost</source>
        <translation>Coût inclusif</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Rows planned → actual</source>
        <translation>Lignes prévues → réelles</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Boucles</translation>
    </message>
    <message>
        <source>Buffers hit / read / temp</source>
        <translation>Tampons trouvés / lus / temporaires</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Underestimated: %1 more rows than planned</source>
        <translation>Sous-estimé : %1 lignes de plus que prévu</translation>
    </message>
    <message>
        <source>Overestimated: %1 fewer rows than planned</source>
        <translation>Surestimé : %1 lignes de moins que prévu</translation>
    </message>
</context>
<context>
    <name>dbt::Sampler</name>
    <message>
        <source> Retrying every %1 s.</source>
        <translation> Nouvel essai toutes les %1 s.</translation>
    </message>
    <message>
        <source> Reconnecting in the background; the panels keep the last data.</source>
        <translation> Reconnexion en arrière-plan ; les panneaux gardent les dernières données.</translation>
    </message>
    <message>
        <source>Sampling failed unexpectedly: %1. Retrying.</source>
        <translation>L&apos;échantillonnage a échoué de façon inattendue : %1. Nouvel essai.</translation>
    </message>
</context>
<context>
    <name>dbt::SessionsModel</name>
    <message>
        <source>%1 (%2 directly)</source>
        <translation>%1 (%2 directement)</translation>
    </message>
    <message>
        <source>Time since the current query started</source>
        <translation>Temps écoulé depuis le début de la requête en cours</translation>
    </message>
    <message>
        <source>Time since the session entered this state</source>
        <translation>Temps écoulé depuis que la session est dans cet état</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Waits on</source>
        <translation>Attend</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Bloqueurs</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Bloque</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
</context>
<context>
    <name>dbt::StatementsModel</name>
    <message>
        <source>(text not available, id %1)</source>
        <translation>(texte non disponible, identifiant %1)</translation>
    </message>
    <message>
        <source>%1 blocks of 8 KiB written to temporary files</source>
        <translation>%1 blocs de 8 Kio écrits dans des fichiers temporaires</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Temps total</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Cache hit</source>
        <translation>Succès du cache</translation>
    </message>
    <message>
        <source>Temp written</source>
        <translation>Écrit en temporaire</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
</context>
<context>
    <name>dbt::gui::CompareDialog</name>
    <message>
        <source>Statement</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Calls before</source>
        <translation>Appels avant</translation>
    </message>
    <message>
        <source>Calls after</source>
        <translation>Appels après</translation>
    </message>
    <message>
        <source>Root blocker</source>
        <translation>Bloqueur racine</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Bloque</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Réglage</translation>
    </message>
    <message>
        <source>Compare: %1 → %2</source>
        <translation>Comparaison : %1 → %2</translation>
    </message>
    <message>
        <source>Before: %1, %2 at %3.
After: %4, %5 at %6.</source>
        <translation>Avant : %1, %2 à %3.
Après : %4, %5 à %6.</translation>
    </message>
    <message>
        <source>The two recordings are of different servers.</source>
        <translation>Les deux enregistrements proviennent de serveurs différents.</translation>
    </message>
    <message>
        <source>[new] %1</source>
        <translation>[nouveau] %1</translation>
    </message>
    <message>
        <source>[gone] %1</source>
        <translation>[disparu] %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>disparu</translation>
    </message>
    <message>
        <source>still there</source>
        <translation>toujours là</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(non lu)</translation>
    </message>
    <message>
        <source>Statements (%1)</source>
        <translation>Requêtes (%1)</translation>
    </message>
    <message>
        <source>Root blockers (%1 new, %2 gone)</source>
        <translation>Bloqueurs racines (%1 nouveaux, %2 disparus)</translation>
    </message>
    <message>
        <source>Connections (%1 → %2)</source>
        <translation>Connexions (%1 → %2)</translation>
    </message>
    <message>
        <source>Settings changed (%1)</source>
        <translation>Réglages modifiés (%1)</translation>
    </message>
    <message>
        <source>Statement figures: %1.</source>
        <translation>Chiffres des requêtes : %1.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::ConnectDialog</name>
    <message>
        <source>&amp;Fields</source>
        <translation>&amp;Champs</translation>
    </message>
    <message>
        <source>&amp;URI or connection string</source>
        <translation>&amp;URI ou chaîne de connexion</translation>
    </message>
    <message>
        <source>Remember in the desktop &amp;keyring</source>
        <translation>Mémoriser dans le &amp;trousseau du bureau</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Profils enregistrés</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Connexions récentes</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>&amp;Enregistrer le profil</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Su&amp;pprimer</translation>
    </message>
    <message>
        <source>e.g. orders-prod-replica</source>
        <translation>p. ex. orders-prod-replica</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
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
        <translation>&amp;Moteur :</translation>
    </message>
    <message>
        <source>Connect by:</source>
        <translation>Se connecter par :</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>a monitoring role, e.g. with pg_monitor</source>
        <translation>un rôle de supervision, p. ex. avec pg_monitor</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>U&amp;tilisateur :</translation>
    </message>
    <message>
        <source>postgresql://monitor@db1/app, host=db1 dbname=app, service=prod, mysql://…</source>
        <translation>postgresql://monitor@db1/app, host=db1 dbname=app, service=prod, mysql://…</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible :</translation>
    </message>
    <message>
        <source>empty: use ~/.pgpass, PGPASSWORD, the service file or ~/.my.cnf</source>
        <translation>vide : utiliser ~/.pgpass, PGPASSWORD, le fichier de services ou ~/.my.cnf</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>This build has no keyring support.</source>
        <translation>Cette version ne prend pas en charge le trousseau.</translation>
    </message>
    <message>
        <source>dbtriage never writes a password to its settings or any file.</source>
        <translation>dbtriage n&apos;écrit jamais de mot de passe dans ses réglages ni dans aucun fichier.</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>driver default</source>
        <translation>valeur par défaut du pilote</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>M&amp;ode :</translation>
    </message>
    <message>
        <source>CA certificate file (sslrootcert / ssl-ca)</source>
        <translation>Fichier du certificat de l&apos;AC (sslrootcert / ssl-ca)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Certificat racine :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sample &amp;every:</source>
        <translation>Échantillonner &amp;toutes les :</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat de l&apos;AC</translation>
    </message>
    <message>
        <source>(none yet: fill in the form and save)</source>
        <translation>(aucun pour l&apos;instant : remplissez le formulaire et enregistrez)</translation>
    </message>
    <message>
        <source>stored in the desktop keyring</source>
        <translation>enregistré dans le trousseau du bureau</translation>
    </message>
    <message>
        <source>Give the profile a name to save it.</source>
        <translation>Donnez un nom au profil pour l&apos;enregistrer.</translation>
    </message>
    <message>
        <source>Empty target: libpq&apos;s defaults (PGHOST, PGUSER, …) apply.</source>
        <translation>Cible vide : les valeurs par défaut de libpq (PGHOST, PGUSER, …) s&apos;appliquent.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::ConnectionChart</name>
    <message>
        <source>Connections by state</source>
        <translation>Connexions par état</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenêtre :</translation>
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
        <translation>Pas encore d&apos;échantillon.</translation>
    </message>
    <message>
        <source>The chart fills as samples arrive.</source>
        <translation>Le graphique se remplit à mesure que les échantillons arrivent.</translation>
    </message>
    <message>
        <source>1 connection now.</source>
        <translation>1 connexion en ce moment.</translation>
    </message>
    <message>
        <source>%1 connections now.</source>
        <translation>%1 connexions en ce moment.</translation>
    </message>
    <message>
        <source>The trend appears from the second sample on; the chart fills as samples arrive.</source>
        <translation>La tendance apparaît à partir du deuxième échantillon ; le graphique se remplit à mesure que les échantillons arrivent.</translation>
    </message>
    <message>
        <source>(no state)</source>
        <translation>(aucun état)</translation>
    </message>
    <message>
        <source>peak %1 of %2 usable</source>
        <translation>pic de %1 sur %2 utilisables</translation>
    </message>
    <message>
        <source>usable maximum (%1)</source>
        <translation>maximum utilisable (%1)</translation>
    </message>
</context>
<context>
    <name>dbt::gui::ExplainDialog</name>
    <message>
        <source>Run with &amp;ANALYZE for actual times and rows</source>
        <translation>Exécuter avec &amp;ANALYZE pour les temps et lignes réels</translation>
    </message>
    <message>
        <source>Explain SQL</source>
        <translation>Expliquer du SQL</translation>
    </message>
    <message>
        <source>&amp;Statement (placeholders such as $1 or ? get a generic plan):</source>
        <translation>&amp;Requête (les paramètres comme $1 ou ? donnent un plan générique) :</translation>
    </message>
    <message>
        <source>SELECT … FROM … WHERE …</source>
        <translation>SELECT … FROM … WHERE …</translation>
    </message>
    <message>
        <source>Only a plain SELECT is analysed, inside a read-only transaction that is rolled back and stopped by the statement timeout; anything else is refused with the reason.</source>
        <translation>Seul un SELECT simple est analysé, dans une transaction en lecture seule annulée et arrêtée par le délai d&apos;exécution ; tout le reste est refusé avec la raison.</translation>
    </message>
    <message>
        <source>the connected database</source>
        <translation>la base connectée</translation>
    </message>
    <message>
        <source>the server&apos;s default (PostgreSQL only)</source>
        <translation>la valeur par défaut du serveur (PostgreSQL seulement)</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base :</translation>
    </message>
    <message>
        <source>Search &amp;path:</source>
        <translation>&amp;Chemin de recherche :</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>&amp;Expliquer</translation>
    </message>
</context>
<context>
    <name>dbt::gui::ExportDialog</name>
    <message>
        <source>Index candidates (advise)</source>
        <translation>Index candidats (advise)</translation>
    </message>
    <message>
        <source>Write a directory instead of a .zip</source>
        <translation>Écrire un répertoire au lieu d&apos;un .zip</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation>Exporter les preuves</translation>
    </message>
    <message>
        <source>What you saw and why you are exporting (ticket number, time, symptoms). It goes into README.md and the manifest.</source>
        <translation>Ce que vous avez vu et pourquoi vous exportez (numéro de ticket, heure, symptômes). Cela va dans README.md et dans le manifeste.</translation>
    </message>
    <message numerus="yes">
        <source> of %n sample(s) kept</source>
        <translation>
            <numerusform> sur %n échantillon conservé</numerusform>
            <numerusform> sur %n échantillons conservés</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export yet: connect or open a snapshot first.</source>
        <translation>Rien à exporter pour l&apos;instant : connectez-vous ou ouvrez d&apos;abord un instantané.</translation>
    </message>
    <message>
        <source>The sample of %1.</source>
        <translation>L&apos;échantillon de %1.</translation>
    </message>
    <message>
        <source>From %1 to %2 (%3).</source>
        <translation>De %1 à %2 (%3).</translation>
    </message>
    <message>
        <source>no plans</source>
        <translation>aucun plan</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation>É&amp;chantillons :</translation>
    </message>
    <message>
        <source>&amp;Plans of the top:</source>
        <translation>&amp;Plans des premières :</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination :</translation>
    </message>
    <message>
        <source>Directory to write the bundle in</source>
        <translation>Répertoire où écrire le dossier de preuves</translation>
    </message>
    <message>
        <source>Evidence bundles (*.zip)</source>
        <translation>Dossiers de preuves (*.zip)</translation>
    </message>
    <message>
        <source>Choose where to write the bundle first.</source>
        <translation>Choisissez d&apos;abord où écrire le dossier de preuves.</translation>
    </message>
    <message numerus="yes">
        <source>Composing the summary of %n sample(s)…</source>
        <translation>
            <numerusform>Rédaction du résumé de %n échantillon…</numerusform>
            <numerusform>Rédaction du résumé de %n échantillons…</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Dessin des graphiques…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non exporté : %1</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 files, %3 KB).</source>
        <translation>%1 écrit (%2 fichiers, %3 Ko).</translation>
    </message>
    <message>
        <source> statements by time</source>
        <translation> requêtes par temps</translation>
    </message>
    <message>
        <source>Explain the top N statements of the window on a second read-only session (generic plans, never ANALYZE) and add plans/*.json and plans/*.txt to the bundle.</source>
        <translation>Expliquer les N premières requêtes de la fenêtre sur une seconde session en lecture seule (plans génériques, jamais ANALYZE) et ajouter plans/*.json et plans/*.txt au bundle.</translation>
    </message>
    <message>
        <source>Ask the index advisor for the window&apos;s costliest statements and add index-candidates.sql (commented, never executed).</source>
        <translation>Interroger le conseiller d&apos;index sur les requêtes les plus coûteuses de la fenêtre et ajouter index-candidates.sql (commenté, jamais exécuté).</translation>
    </message>
    <message>
        <source>Plans need a connection to the server: connect first (an opened bundle or snapshot cannot be explained).</source>
        <translation>Les plans demandent une connexion au serveur : connectez-vous d&apos;abord (un bundle ou un instantané ouvert ne peut pas être expliqué).</translation>
    </message>
    <message>
        <source>Index candidates need a connection to the server: connect first (an opened bundle or snapshot cannot be advised on).</source>
        <translation>Les index candidats demandent une connexion au serveur : connectez-vous d&apos;abord (un bundle ou un instantané ouvert ne peut pas être conseillé).</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Annuler l&apos;export</translation>
    </message>
    <message>
        <source>Cancelling after the current statement…</source>
        <translation>Annulation après la requête en cours…</translation>
    </message>
    <message>
        <source>Explaining statement %1 of %2…</source>
        <translation>Explication de la requête %1 sur %2…</translation>
    </message>
    <message>
        <source>Asking the index advisor…</source>
        <translation>Interrogation du conseiller d&apos;index…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé : rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::IndexesView</name>
    <message>
        <source>Not validated: MySQL has no hypothetical indexes. To validate it, create the index INVISIBLE on a clone or a test server and compare EXPLAIN with optimizer_switch=&apos;use_invisible_indexes=on&apos; and off.</source>
        <translation>Non validé : MySQL n&apos;a pas d&apos;index hypothétiques. Pour le valider, créez l&apos;index INVISIBLE sur un clone ou un serveur de test et comparez EXPLAIN avec optimizer_switch=&apos;use_invisible_indexes=on&apos; et off.</translation>
    </message>
    <message>
        <source>Not validated: MariaDB has no hypothetical indexes. To validate it, create the index IGNORED on a clone or a test server (MariaDB 10.6 or later) and compare EXPLAIN before and after ALTER TABLE … ALTER INDEX … NOT IGNORED.</source>
        <translation>Non validé : MariaDB n&apos;a pas d&apos;index hypothétiques. Pour le valider, créez l&apos;index IGNORED sur un clone ou un serveur de test (MariaDB 10.6 ou plus récent) et comparez EXPLAIN avant et après ALTER TABLE … ALTER INDEX … NOT IGNORED.</translation>
    </message>
    <message>
        <source>Not validated by the planner: HypoPG is not installed in this database. To validate it, have the database owner run CREATE EXTENSION hypopg; (dbtriage never does) and advise again, or create the index on a clone and compare EXPLAIN before and after.</source>
        <translation>Non validé par le planificateur : HypoPG n&apos;est pas installé dans cette base. Pour le valider, faites lancer CREATE EXTENSION hypopg; par le propriétaire de la base (dbtriage ne le fait jamais) et relancez le conseil, ou créez l&apos;index sur un clone et comparez EXPLAIN avant et après.</translation>
    </message>
    <message>
        <source>Advise for the workload</source>
        <translation>Conseiller pour la charge</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>&amp;Top statements:</source>
        <translation>Requêtes &amp;principales :</translation>
    </message>
    <message>
        <source>How many of the window&apos;s costliest statements to advise on</source>
        <translation>Sur combien des requêtes les plus coûteuses de la fenêtre porter le conseil</translation>
    </message>
    <message>
        <source>Index candidates for the top statements of the current window (Top queries&apos; window), validated with HypoPG where it is installed</source>
        <translation>Index candidats pour les requêtes principales de la fenêtre actuelle (celle des requêtes principales), validés avec HypoPG là où il est installé</translation>
    </message>
    <message>
        <source>Stop the advice; nothing was changed on the server</source>
        <translation>Arrêter le conseil ; rien n&apos;a été modifié sur le serveur</translation>
    </message>
    <message>
        <source>dbtriage never runs these statements; copy them into your change process.</source>
        <translation>dbtriage n&apos;exécute jamais ces instructions ; copiez-les dans votre processus de changement.</translation>
    </message>
    <message>
        <source>Select a candidate to see the statement that would create it.</source>
        <translation>Sélectionnez un candidat pour voir l&apos;instruction qui le créerait.</translation>
    </message>
    <message>
        <source>Copy the statement to the clipboard (it is not run)</source>
        <translation>Copier l&apos;instruction dans le presse-papiers (elle n&apos;est pas exécutée)</translation>
    </message>
    <message>
        <source>The advisor&apos;s notes appear here.</source>
        <translation>Les remarques du conseiller apparaissent ici.</translation>
    </message>
    <message>
        <source>Unused indexes</source>
        <translation>Index inutilisés</translation>
    </message>
    <message>
        <source>Duplicate and redundant indexes</source>
        <translation>Index en double et redondants</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Nothing was changed on the server. Press Advise for the workload to start again.</source>
        <translation>Rien n&apos;a été modifié sur le serveur. Appuyez sur « Conseiller pour la charge » pour recommencer.</translation>
    </message>
    <message>
        <source>Index advice</source>
        <translation>Conseil d&apos;index</translation>
    </message>
    <message>
        <source>Index advice needs a connection.</source>
        <translation>Le conseil d&apos;index demande une connexion.</translation>
    </message>
    <message>
        <source>No advice yet.</source>
        <translation>Pas encore de conseil.</translation>
    </message>
    <message>
        <source>Press Advise for the workload for the top %1 statements of the current window, or right-click a statement in Top queries and choose Suggest indexes for this statement.</source>
        <translation>Appuyez sur « Conseiller pour la charge » pour les %1 premières requêtes de la fenêtre actuelle, ou faites un clic droit sur une requête dans Requêtes principales et choisissez « Suggérer des index pour cette requête ».</translation>
    </message>
    <message>
        <source>Waiting for the job runner…</source>
        <translation>En attente de l&apos;exécuteur de tâches…</translation>
    </message>
    <message>
        <source>There are no statement figures yet: wait for the first samples, then advise again.</source>
        <translation>Il n&apos;y a pas encore de chiffres de requêtes : attendez les premiers échantillons, puis relancez le conseil.</translation>
    </message>
    <message>
        <source>Top %1 statements between %2 and %3</source>
        <translation>%1 premières requêtes entre %2 et %3</translation>
    </message>
    <message>
        <source>Top %1 statements since the statistics reset</source>
        <translation>%1 premières requêtes depuis la réinitialisation des statistiques</translation>
    </message>
    <message>
        <source>Statement %1</source>
        <translation>Requête %1</translation>
    </message>
    <message>
        <source>Advising indexes…</source>
        <translation>Conseil d&apos;index en cours…</translation>
    </message>
    <message>
        <source>Reading the statements&apos; texts…</source>
        <translation>Lecture des textes des requêtes…</translation>
    </message>
    <message>
        <source>Reading statistics and indexes…</source>
        <translation>Lecture des statistiques et des index…</translation>
    </message>
    <message>
        <source>Choosing across the workload…</source>
        <translation>Choix sur l&apos;ensemble de la charge…</translation>
    </message>
    <message>
        <source>Statement %1 of %2 (%3)…</source>
        <translation>Requête %1 sur %2 (%3)…</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Annulation après l&apos;étape en cours…</translation>
    </message>
    <message>
        <source>The advice did not complete.</source>
        <translation>Le conseil ne s&apos;est pas terminé.</translation>
    </message>
    <message>
        <source>1 candidate</source>
        <translation>1 candidat</translation>
    </message>
    <message>
        <source>%1 candidates</source>
        <translation>%1 candidats</translation>
    </message>
    <message>
        <source>1 EXPLAIN</source>
        <translation>1 EXPLAIN</translation>
    </message>
    <message>
        <source>%1 EXPLAINs</source>
        <translation>%1 EXPLAIN</translation>
    </message>
    <message>
        <source>No index would clearly help this statement.</source>
        <translation>Aucun index n&apos;aiderait nettement cette requête.</translation>
    </message>
    <message>
        <source>No index would clearly help the top %1 statements.</source>
        <translation>Aucun index n&apos;aiderait nettement les %1 premières requêtes.</translation>
    </message>
    <message>
        <source>Every candidate was checked against the planner&apos;s estimates or the statistics and none saved enough to pay for its upkeep. The notes below say which statements were skipped and why.</source>
        <translation>Chaque candidat a été vérifié par rapport aux estimations du planificateur ou aux statistiques, et aucun ne faisait gagner assez pour justifier son entretien. Les remarques ci-dessous disent quelles requêtes ont été ignorées et pourquoi.</translation>
    </message>
    <message>
        <source>Unused indexes (%1)</source>
        <translation>Index inutilisés (%1)</translation>
    </message>
    <message>
        <source>Duplicate and redundant indexes (%1)</source>
        <translation>Index en double et redondants (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Remarques (%1)</translation>
    </message>
    <message>
        <source>since the statistics were last reset</source>
        <translation>depuis la dernière réinitialisation des statistiques</translation>
    </message>
    <message>
        <source>since the statistics reset at %1</source>
        <translation>depuis la réinitialisation des statistiques à %1</translation>
    </message>
    <message>
        <source>No unused index.</source>
        <translation>Aucun index inutilisé.</translation>
    </message>
    <message>
        <source>Every index that is not unique or a primary key was scanned %1.</source>
        <translation>Chaque index qui n&apos;est ni unique ni clé primaire a été parcouru %1.</translation>
    </message>
    <message>
        <source>No duplicate or redundant index.</source>
        <translation>Aucun index en double ou redondant.</translation>
    </message>
    <message>
        <source>%1 statements considered, %2 EXPLAINs sent.</source>
        <translation>%1 requêtes examinées, %2 EXPLAIN envoyés.</translation>
    </message>
    <message>
        <source>Shown with the next advice.</source>
        <translation>Affiché avec le prochain conseil.</translation>
    </message>
    <message>
        <source>No candidate selected</source>
        <translation>Aucun candidat sélectionné</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> · why: %1</source>
        <translation> · pourquoi : %1</translation>
    </message>
    <message>
        <source> · estimated size %1</source>
        <translation> · taille estimée %1</translation>
    </message>
    <message>
        <source>Statement %1 · %2 of the window&apos;s time · %3</source>
        <translation>Requête %1 · %2 du temps de la fenêtre · %3</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 appel</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 appels</translation>
    </message>
    <message>
        <source>    cost %1 → %2 (%3 less); the plan uses the index</source>
        <translation>    coût %1 → %2 (%3 de moins) ; le plan utilise l&apos;index</translation>
    </message>
    <message>
        <source>    cost %1 → %2 (%3 less); the plan does not use it</source>
        <translation>    coût %1 → %2 (%3 de moins) ; le plan ne l&apos;utilise pas</translation>
    </message>
    <message>
        <source>    cost %1 now; the saving is not estimated (not validated)</source>
        <translation>    coût actuel %1 ; le gain n&apos;est pas estimé (non validé)</translation>
    </message>
    <message>
        <source>Statements it helps:
%1</source>
        <translation>Requêtes qu&apos;il aide :
%1</translation>
    </message>
    <message>
        <source>Caveats: none known.</source>
        <translation>Réserves : aucune connue.</translation>
    </message>
    <message>
        <source>Caveats:
%1</source>
        <translation>Réserves :
%1</translation>
    </message>
    <message>
        <source>From the bundle (index-candidates.json)</source>
        <translation>Depuis le bundle (index-candidates.json)</translation>
    </message>
    <message>
        <source>From the bundle (index-candidates.sql)</source>
        <translation>Depuis le bundle (index-candidates.sql)</translation>
    </message>
    <message>
        <source>This bundle holds its index candidates as commented SQL.</source>
        <translation>Ce bundle contient ses index candidats sous forme de SQL commenté.</translation>
    </message>
    <message>
        <source>They are shown on the right as the bundle has them. Advising again needs a connection to the server.</source>
        <translation>Ils sont affichés à droite tels que le bundle les contient. Un nouveau conseil demande une connexion au serveur.</translation>
    </message>
    <message>
        <source>index-candidates.sql</source>
        <translation>index-candidates.sql</translation>
    </message>
    <message>
        <source>As written by dbtriage collect --advise; every statement is commented out.</source>
        <translation>Tel qu&apos;écrit par dbtriage collect --advise ; chaque instruction est commentée.</translation>
    </message>
    <message>
        <source>This bundle holds no index advice.</source>
        <translation>Ce bundle ne contient aucun conseil d&apos;index.</translation>
    </message>
    <message>
        <source>It was written without --advise. %1</source>
        <translation>Il a été écrit sans --advise. %1</translation>
    </message>
</context>
<context>
    <name>dbt::gui::LockGraphScene</name>
    <message>
        <source>dbtriage lock graph</source>
        <translation>Graphe des verrous dbtriage</translation>
    </message>
    <message>
        <source>Wait-for graph: root blockers on the left, waiters to the right.</source>
        <translation>Graphe d&apos;attente : bloqueurs racines à gauche, sessions en attente à droite.</translation>
    </message>
    <message>
        <source>PID %1 also waits on PID %2</source>
        <translation>Le PID %1 attend aussi le PID %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n rows)</source>
        <translation>
            <numerusform>%1 (%n ligne)</numerusform>
            <numerusform>%1 (%n lignes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbt::gui::LockNodeItem</name>
    <message>
        <source>+%1 waiting</source>
        <translation>+%1 en attente</translation>
    </message>
    <message>
        <source>for a %1 on %2</source>
        <translation>pour un %1 sur %2</translation>
    </message>
    <message>
        <source>the same object</source>
        <translation>le même objet</translation>
    </message>
    <message>
        <source>PIDs %1 … %2</source>
        <translation>PID %1 … %2</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source> · lock cycle</source>
        <translation> · cycle de verrous</translation>
    </message>
    <message>
        <source> · root blocker</source>
        <translation> · bloqueur racine</translation>
    </message>
    <message>
        <source> · blocks %1</source>
        <translation> · bloque %1</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>aucun état</translation>
    </message>
    <message>
        <source>(session details not reported)</source>
        <translation>(détails de la session non communiqués)</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>détient %1</translation>
    </message>
    <message numerus="yes">
        <source>for row locks on %1 (%n rows)</source>
        <translation>
            <numerusform>pour des verrous de ligne sur %1 (%n ligne)</numerusform>
            <numerusform>pour des verrous de ligne sur %1 (%n lignes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbt::gui::LocksView</name>
    <message>
        <source>Find PID</source>
        <translation>Chercher un PID</translation>
    </message>
    <message>
        <source>&amp;Fold waiters above:</source>
        <translation>&amp;Regrouper les attentes au-delà de :</translation>
    </message>
    <message>
        <source>Sibling sessions waiting the same way on the same object are drawn as one box when there are more than this many.</source>
        <translation>Les sessions sœurs qui attendent de la même façon sur le même objet sont dessinées en une seule boîte lorsqu&apos;elles sont plus nombreuses que ce nombre.</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Exporter en SVG…</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Verrous</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation>Connectez-vous à un serveur (Ctrl+N) ou ouvrez un fichier d&apos;instantané (Ctrl+O).</translation>
    </message>
    <message>
        <source>No lock waits right now.</source>
        <translation>Aucune attente de verrou en ce moment.</translation>
    </message>
    <message>
        <source>No session waits on another session&apos;s lock in this sample.</source>
        <translation>Dans cet échantillon, aucune session n&apos;attend le verrou d&apos;une autre session.</translation>
    </message>
    <message>
        <source>Lock waits could not be read.</source>
        <translation>Les attentes de verrous n&apos;ont pas pu être lues.</translation>
    </message>
    <message>
        <source>1 root blocker</source>
        <translation>1 bloqueur racine</translation>
    </message>
    <message>
        <source>%1 root blockers</source>
        <translation>%1 bloqueurs racines</translation>
    </message>
    <message>
        <source>1 session waiting</source>
        <translation>1 session en attente</translation>
    </message>
    <message>
        <source>%1 sessions waiting</source>
        <translation>%1 sessions en attente</translation>
    </message>
    <message>
        <source> · %1 folded</source>
        <translation> · %1 regroupées</translation>
    </message>
    <message>
        <source> · %1 more blockers not drawn</source>
        <translation> · %1 autres bloqueurs non dessinés</translation>
    </message>
    <message>
        <source>Export lock graph as SVG</source>
        <translation>Exporter le graphe des verrous en SVG</translation>
    </message>
    <message>
        <source>Export lock graph as PNG</source>
        <translation>Exporter le graphe des verrous en PNG</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Images SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>Lock waits</source>
        <translation>Attentes de verrous</translation>
    </message>
</context>
<context>
    <name>dbt::gui::OverviewView</name>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Waiting on locks</source>
        <translation>En attente de verrous</translation>
    </message>
    <message>
        <source>Idle in transaction</source>
        <translation>Inactives en transaction</translation>
    </message>
    <message>
        <source>Longest transaction</source>
        <translation>Transaction la plus longue</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Taux de succès du cache</translation>
    </message>
    <message>
        <source>Temp files</source>
        <translation>Fichiers temporaires</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O) to see its findings here.</source>
        <translation>Connectez-vous à un serveur (Ctrl+N) ou ouvrez un fichier d&apos;instantané (Ctrl+O) pour voir ses constats ici.</translation>
    </message>
    <message>
        <source>Nothing needs attention in the latest sample.</source>
        <translation>Rien ne demande d&apos;attention dans le dernier échantillon.</translation>
    </message>
    <message>
        <source>Connections, locks, long transactions and idle sessions look normal.</source>
        <translation>Les connexions, les verrous, les transactions longues et les sessions inactives semblent normaux.</translation>
    </message>
    <message>
        <source>of %1 usable (%2)</source>
        <translation>sur %1 utilisables (%2)</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>en cours d&apos;exécution</translation>
    </message>
    <message>
        <source>no lock waits</source>
        <translation>aucune attente de verrou</translation>
    </message>
    <message>
        <source>behind 1 root blocker</source>
        <translation>derrière 1 bloqueur racine</translation>
    </message>
    <message>
        <source>behind %1 root blockers</source>
        <translation>derrière %1 bloqueurs racines</translation>
    </message>
    <message>
        <source>transaction open</source>
        <translation>transaction ouverte</translation>
    </message>
    <message>
        <source>oldest open</source>
        <translation>la plus ancienne ouverte</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>no open transaction</source>
        <translation>aucune transaction ouverte</translation>
    </message>
    <message>
        <source>since stats reset</source>
        <translation>depuis la RAZ des stats</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>non communiqué</translation>
    </message>
    <message>
        <source>in the last %1</source>
        <translation>au cours des dernières %1</translation>
    </message>
    <message>
        <source>1 file since stats reset</source>
        <translation>1 fichier depuis la RAZ des stats</translation>
    </message>
    <message>
        <source>%1 files since stats reset</source>
        <translation>%1 fichiers depuis la RAZ des stats</translation>
    </message>
    <message>
        <source>not read in this sample (see Locks)</source>
        <translation>non lu dans cet échantillon (voir Verrous)</translation>
    </message>
    <message>
        <source>Findings: %1 critical, %2</source>
        <translation>Constats : %1 critiques, %2</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 avertissement</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 avertissements</translation>
    </message>
</context>
<context>
    <name>dbt::gui::PasswordStore</name>
    <message>
        <source>The desktop keyring could not be read (%1); trying ~/.pgpass, PGPASSWORD and ~/.my.cnf instead.</source>
        <translation>Le trousseau du bureau n&apos;a pas pu être lu (%1) ; essai de ~/.pgpass, PGPASSWORD et ~/.my.cnf à la place.</translation>
    </message>
    <message>
        <source>This build has no keyring support; using ~/.pgpass, PGPASSWORD and ~/.my.cnf.</source>
        <translation>Cette version ne prend pas en charge le trousseau ; utilisation de ~/.pgpass, PGPASSWORD et ~/.my.cnf.</translation>
    </message>
    <message>
        <source>The password could not be stored in the desktop keyring (%1); it is used for this connection only.</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré dans le trousseau du bureau (%1) ; il sert pour cette connexion uniquement.</translation>
    </message>
    <message>
        <source>This build has no keyring support; the password is used for this connection only.</source>
        <translation>Cette version ne prend pas en charge le trousseau ; le mot de passe sert pour cette connexion uniquement.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::PastePlanDialog</name>
    <message>
        <source>Paste plan</source>
        <translation>Coller un plan</translation>
    </message>
    <message>
        <source>Paste a plan: PostgreSQL EXPLAIN as JSON or text (with or without ANALYZE, psql output included), MySQL 8 or MariaDB EXPLAIN FORMAT=JSON, MariaDB ANALYZE FORMAT=JSON. No connection is needed.</source>
        <translation>Collez un plan : EXPLAIN de PostgreSQL en JSON ou en texte (avec ou sans ANALYZE, sortie de psql comprise), EXPLAIN FORMAT=JSON de MySQL 8 ou MariaDB, ANALYZE FORMAT=JSON de MariaDB. Aucune connexion n&apos;est nécessaire.</translation>
    </message>
    <message>
        <source>&amp;Show plan</source>
        <translation>&amp;Afficher le plan</translation>
    </message>
</context>
<context>
    <name>dbt::gui::PlanDiagramScene</name>
    <message>
        <source>never executed</source>
        <translation>jamais exécuté</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>cost %1 · %2 %</source>
        <translation>coût %1 · %2 %</translation>
    </message>
    <message>
        <source>rows %1</source>
        <translation>lignes %1</translation>
    </message>
    <message>
        <source>rows %1 → %2</source>
        <translation>lignes %1 → %2</translation>
    </message>
    <message>
        <source> × %1 loops</source>
        <translation> × %1 boucles</translation>
    </message>
    <message>
        <source>dbtriage query plan</source>
        <translation>Plan de requête dbtriage</translation>
    </message>
    <message>
        <source>Plan tree: the root at the top, boxes tinted by their share of the plan&apos;s time.</source>
        <translation>Arbre du plan : la racine en haut, les boîtes teintées selon leur part du temps du plan.</translation>
    </message>
</context>
<context>
    <name>dbt::gui::PlansView</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Explain SQL…</source>
        <translation>Expliquer du SQL…</translation>
    </message>
    <message>
        <source>Explain a statement on the connected server: a generic plan for statements with placeholders, ANALYZE only for a plain SELECT, always rolled back</source>
        <translation>Expliquer une requête sur le serveur connecté : un plan générique pour les requêtes avec paramètres, ANALYZE seulement pour un SELECT simple, toujours annulé</translation>
    </message>
    <message>
        <source>Paste plan…</source>
        <translation>Coller un plan…</translation>
    </message>
    <message>
        <source>Paste a plan in any supported format; no connection needed (Ctrl+V pastes the clipboard at once)</source>
        <translation>Coller un plan dans un format pris en charge ; aucune connexion nécessaire (Ctrl+V colle directement le presse-papiers)</translation>
    </message>
    <message>
        <source>Open plan file…</source>
        <translation>Ouvrir un fichier de plan…</translation>
    </message>
    <message>
        <source>Open a saved plan: EXPLAIN output as JSON or text</source>
        <translation>Ouvrir un plan enregistré : sortie d&apos;EXPLAIN en JSON ou en texte</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Copier en texte</translation>
    </message>
    <message>
        <source>Copy the plan tree and its insights as text, as the command line prints them</source>
        <translation>Copier l&apos;arbre du plan et ses constats en texte, comme la ligne de commande les affiche</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Export plan diagram as PNG</source>
        <translation>Exporter le diagramme du plan en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 écrit.</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>Impossible d&apos;écrire %1 : vérifiez que le dossier existe et est accessible en écriture.</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Exporter en SVG…</translation>
    </message>
    <message>
        <source>Export plan diagram as SVG</source>
        <translation>Exporter le diagramme du plan en SVG</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Images SVG (*.svg)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>What and why</source>
        <translation>Quoi et pourquoi</translation>
    </message>
    <message>
        <source>What to try</source>
        <translation>À essayer</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>%1 is not a plan dbtriage can read: %2</source>
        <translation>%1 n&apos;est pas un plan que dbtriage sait lire : %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1 : %2.</translation>
    </message>
    <message>
        <source>The clipboard holds no text: copy a plan (EXPLAIN output) first, or use Paste plan… to type it.</source>
        <translation>Le presse-papiers ne contient pas de texte : copiez d&apos;abord un plan (sortie d&apos;EXPLAIN), ou utilisez « Coller un plan… » pour le saisir.</translation>
    </message>
    <message>
        <source>Pasted plan %1</source>
        <translation>Plan collé %1</translation>
    </message>
    <message>
        <source>Bundle: %1</source>
        <translation>Bundle : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Some plans of the bundle could not be read: %1</source>
        <translation>Certains plans du bundle n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Pas encore de plan.</translation>
    </message>
    <message>
        <source>Explain a statement from Top queries or Sessions, or open/paste a plan (any EXPLAIN output: PostgreSQL JSON or text, MySQL 8, MariaDB).</source>
        <translation>Expliquez une requête depuis Requêtes principales ou Sessions, ou ouvrez/collez un plan (toute sortie d&apos;EXPLAIN : PostgreSQL JSON ou texte, MySQL 8, MariaDB).</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 nœuds</translation>
    </message>
    <message>
        <source>executed in %1 ms</source>
        <translation>exécuté en %1 ms</translation>
    </message>
    <message>
        <source>Generic plan: parameter values unknown, costs are estimates.</source>
        <translation>Plan générique : valeurs des paramètres inconnues, les coûts sont des estimations.</translation>
    </message>
    <message>
        <source>ANALYZE ran: actual times and rows (read-only, rolled back).</source>
        <translation>ANALYZE exécuté : temps et lignes réels (lecture seule, annulé).</translation>
    </message>
    <message>
        <source>Estimates only: ANALYZE did not run.</source>
        <translation>Estimations seulement : ANALYZE n&apos;a pas été exécuté.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>No insight: nothing in this plan looks wrong by dbtriage&apos;s rules.</source>
        <translation>Aucun constat : rien dans ce plan ne semble anormal selon les règles de dbtriage.</translation>
    </message>
    <message>
        <source>Select a node to see every field the engine printed.</source>
        <translation>Sélectionnez un nœud pour voir chaque champ affiché par le moteur.</translation>
    </message>
    <message>
        <source>Node #%1: %2</source>
        <translation>Nœud n° %1 : %2</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Requête : %1</translation>
    </message>
    <message>
        <source>Copied the plan and its insights as text.</source>
        <translation>Plan et constats copiés en texte.</translation>
    </message>
    <message>
        <source>Open plan file</source>
        <translation>Ouvrir un fichier de plan</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.sql *.plan);;All files (*)</source>
        <translation>Plans (*.json *.txt *.sql *.plan);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1: %2 Try: %3</source>
        <translation>%1 : %2 Suggestion : %3</translation>
    </message>
    <message>
        <source>Bundle #%1: statement %2 (%3 % of window time)</source>
        <translation>Bundle n° %1 : requête %2 (%3 % du temps de la fenêtre)</translation>
    </message>
    <message>
        <source>statement %1: %2</source>
        <translation>requête %1 : %2</translation>
    </message>
    <message>
        <source>The bundle says some statements were not explained: %1</source>
        <translation>Le bundle indique que certaines requêtes n&apos;ont pas été expliquées : %1</translation>
    </message>
</context>
<context>
    <name>dbt::gui::SessionsView</name>
    <message>
        <source>Show &amp;idle sessions</source>
        <translation>Afficher les sessions &amp;inactives</translation>
    </message>
    <message>
        <source>Filter by user, database, application, state, client, PID or query text</source>
        <translation>Filtrer par utilisateur, base, application, état, client, PID ou texte de requête</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>As Markdown table</source>
        <translation>En tableau Markdown</translation>
    </message>
    <message>
        <source>As CSV</source>
        <translation>En CSV</translation>
    </message>
    <message>
        <source>Copy the selected sessions (all shown when none is selected)</source>
        <translation>Copier les sessions sélectionnées (toutes celles affichées si aucune n&apos;est sélectionnée)</translation>
    </message>
    <message>
        <source>Copy as Markdown table</source>
        <translation>Copier en tableau Markdown</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>Copier en CSV</translation>
    </message>
    <message>
        <source>Select a session to see its whole query.</source>
        <translation>Sélectionnez une session pour voir sa requête entière.</translation>
    </message>
    <message>
        <source>%1 of 1 session</source>
        <translation>%1 sur 1 session</translation>
    </message>
    <message>
        <source>%1 of %2 sessions</source>
        <translation>%1 sur %2 sessions</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation>Connectez-vous à un serveur (Ctrl+N) ou ouvrez un fichier d&apos;instantané (Ctrl+O).</translation>
    </message>
    <message>
        <source>No sessions in this sample.</source>
        <translation>Aucune session dans cet échantillon.</translation>
    </message>
    <message>
        <source>The server reported no client sessions.</source>
        <translation>Le serveur n&apos;a signalé aucune session cliente.</translation>
    </message>
    <message>
        <source>The only session is idle.</source>
        <translation>La seule session est inactive.</translation>
    </message>
    <message>
        <source>All %1 sessions are idle.</source>
        <translation>Les %1 sessions sont toutes inactives.</translation>
    </message>
    <message>
        <source>Tick &quot;Show idle sessions&quot; to list them.</source>
        <translation>Cochez « Afficher les sessions inactives » pour les lister.</translation>
    </message>
    <message>
        <source>No session matches the filter.</source>
        <translation>Aucune session ne correspond au filtre.</translation>
    </message>
    <message>
        <source>1 session in this sample.</source>
        <translation>1 session dans cet échantillon.</translation>
    </message>
    <message>
        <source>%1 sessions in this sample.</source>
        <translation>%1 sessions dans cet échantillon.</translation>
    </message>
    <message>
        <source>Clear the filter or tick &quot;Show idle sessions&quot;.</source>
        <translation>Videz le filtre ou cochez « Afficher les sessions inactives ».</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Aucune session sélectionnée</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>PID %1 · %2%3 · %4</source>
        <translation>PID %1 · %2%3 · %4</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>aucun état</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> depuis %1</translation>
    </message>
    <message>
        <source>Waits on %1</source>
        <translation>Attend %1</translation>
    </message>
    <message>
        <source>PID %1 (%2 on %3%4)</source>
        <translation>PID %1 (%2 sur %3%4)</translation>
    </message>
    <message>
        <source>, queued ahead</source>
        <translation>, placée devant dans la file</translation>
    </message>
    <message>
        <source>blocked by %1</source>
        <translation>bloquée par %1</translation>
    </message>
    <message>
        <source>transaction open for %1</source>
        <translation>transaction ouverte depuis %1</translation>
    </message>
    <message>
        <source>Not waiting.</source>
        <translation>N&apos;attend pas.</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
    <message>
        <source>Blocks 1 session</source>
        <translation>Bloque 1 session</translation>
    </message>
    <message>
        <source>Blocks %1 sessions</source>
        <translation>Bloque %1 sessions</translation>
    </message>
    <message>
        <source> as a root blocker</source>
        <translation> en tant que bloqueur racine</translation>
    </message>
    <message>
        <source>Blocks nobody.</source>
        <translation>Ne bloque personne.</translation>
    </message>
    <message>
        <source>(no query text)</source>
        <translation>(pas de texte de requête)</translation>
    </message>
    <message>
        <source>Explain query</source>
        <translation>Expliquer la requête</translation>
    </message>
    <message>
        <source>Show the plan of this session&apos;s query (a generic plan: the redacted values are unknown)</source>
        <translation>Afficher le plan de la requête de cette session (un plan générique : les valeurs masquées sont inconnues)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
</context>
<context>
    <name>dbt::gui::StatusArea</name>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation>Modifier la connexion…</translation>
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
        <translation>base %1</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>en tant que %1</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>réplique</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation>Reconnexion (tentative %1)</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Showing %1; nothing is sampled.</source>
        <translation>Affichage de %1 ; rien n&apos;est échantillonné.</translation>
    </message>
    <message>
        <source>Connect to a server with Ctrl+N, or open a snapshot file with Ctrl+O.</source>
        <translation>Connectez-vous à un serveur avec Ctrl+N, ou ouvrez un fichier d&apos;instantané avec Ctrl+O.</translation>
    </message>
    <message>
        <source>data from just now</source>
        <translation>données de l&apos;instant</translation>
    </message>
    <message>
        <source>data from %1 ago</source>
        <translation>données d&apos;il y a %1</translation>
    </message>
    <message>
        <source>The server has not answered for a while; the panels show the last data it sent.</source>
        <translation>Le serveur ne répond plus depuis un moment ; les panneaux montrent les dernières données qu&apos;il a envoyées.</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>socket local</translation>
    </message>
</context>
<context>
    <name>dbt::gui::TopQueriesView</name>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenêtre :</translation>
    </message>
    <message>
        <source>Last 1 min</source>
        <translation>Dernière minute</translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation>5 dernières min</translation>
    </message>
    <message>
        <source>Last 15 min</source>
        <translation>15 dernières min</translation>
    </message>
    <message>
        <source>Since connect</source>
        <translation>Depuis la connexion</translation>
    </message>
    <message>
        <source>&amp;Sort by:</source>
        <translation>&amp;Trier par :</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Temps total</translation>
    </message>
    <message>
        <source>Mean time</source>
        <translation>Temps moyen</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Filter by statement text, database or user</source>
        <translation>Filtrer par texte de requête, base ou utilisateur</translation>
    </message>
    <message>
        <source>Top %1 by total time</source>
        <translation>Top %1 par temps total</translation>
    </message>
    <message>
        <source>Select a statement to see its text and its figures over time.</source>
        <translation>Sélectionnez une requête pour voir son texte et ses chiffres dans le temps.</translation>
    </message>
    <message>
        <source>Work done between %1 and %2 (%3): deltas between samples, not counters since the last reset.</source>
        <translation>Travail effectué entre %1 et %2 (%3) : écarts entre échantillons, pas les compteurs depuis la dernière remise à zéro.</translation>
    </message>
    <message>
        <source>Connected for less than the window; it fills as samples arrive.</source>
        <translation>Connecté depuis moins longtemps que la fenêtre ; elle se remplit à mesure que les échantillons arrivent.</translation>
    </message>
    <message>
        <source>Work done between %1 and %2, as recorded in the snapshot.</source>
        <translation>Travail effectué entre %1 et %2, tel qu&apos;enregistré dans l&apos;instantané.</translation>
    </message>
    <message>
        <source>One sample so far: counters since the last statistics reset. The window&apos;s deltas appear from the next sample on.</source>
        <translation>Un seul échantillon pour l&apos;instant : compteurs depuis la dernière remise à zéro des statistiques. Les écarts de la fenêtre apparaissent dès l&apos;échantillon suivant.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O).</source>
        <translation>Connectez-vous à un serveur (Ctrl+N) ou ouvrez un fichier d&apos;instantané (Ctrl+O).</translation>
    </message>
    <message>
        <source>Statement statistics are not available.</source>
        <translation>Les statistiques des requêtes ne sont pas disponibles.</translation>
    </message>
    <message>
        <source>No statement ran in this window.</source>
        <translation>Aucune requête n&apos;a été exécutée dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Pick a longer window, or wait for the next samples.</source>
        <translation>Choisissez une fenêtre plus longue, ou attendez les prochains échantillons.</translation>
    </message>
    <message>
        <source>No statement statistics in this sample.</source>
        <translation>Aucune statistique de requête dans cet échantillon.</translation>
    </message>
    <message>
        <source>The server reported none.</source>
        <translation>Le serveur n&apos;en a signalé aucune.</translation>
    </message>
    <message>
        <source>Total time (s)</source>
        <translation>Temps total (s)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>n° %1 %2</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>No statement selected</source>
        <translation>Aucune requête sélectionnée</translation>
    </message>
    <message>
        <source>Statement %1 · %2 · %3</source>
        <translation>Requête %1 · %2 · %3</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(pas d&apos;identifiant)</translation>
    </message>
    <message>
        <source>%1 total (%2 of all statements&apos; time)</source>
        <translation>%1 au total (%2 du temps de toutes les requêtes)</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 appel</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 appels</translation>
    </message>
    <message>
        <source>%1 mean</source>
        <translation>%1 en moyenne</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>cache hit %1</source>
        <translation>succès du cache %1</translation>
    </message>
    <message>
        <source>%1 written to temp files</source>
        <translation>%1 écrits dans des fichiers temporaires</translation>
    </message>
    <message>
        <source>%1 rows examined</source>
        <translation>%1 lignes examinées</translation>
    </message>
    <message>
        <source>%1 calls without an index</source>
        <translation>%1 appels sans index</translation>
    </message>
    <message>
        <source>(text not available)</source>
        <translation>(texte non disponible)</translation>
    </message>
    <message>
        <source>Figures over time appear after a few samples.</source>
        <translation>Les chiffres dans le temps apparaissent après quelques échantillons.</translation>
    </message>
    <message>
        <source>Over time (per sample interval)</source>
        <translation>Dans le temps (par intervalle d&apos;échantillonnage)</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>appels/s</translation>
    </message>
    <message>
        <source>mean ms</source>
        <translation>ms en moyenne</translation>
    </message>
    <message>
        <source>Show the plan of the selected statement with its insights (a generic plan: the statement&apos;s parameter values are unknown)</source>
        <translation>Afficher le plan de la requête sélectionnée avec ses constats (un plan générique : les valeurs des paramètres sont inconnues)</translation>
    </message>
    <message>
        <source>Statement statistics</source>
        <translation>Les statistiques des requêtes</translation>
    </message>
    <message>
        <source>The table shows the counters read at %1.</source>
        <translation>Le tableau montre les compteurs lus à %1.</translation>
    </message>
    <message>
        <source>Suggest indexes for this statement</source>
        <translation>Suggérer des index pour cette requête</translation>
    </message>
    <message>
        <source>Index candidates for the selected statement in the Indexes view (validated with HypoPG where it is installed; never created)</source>
        <translation>Index candidats pour la requête sélectionnée dans la vue Index (validés avec HypoPG là où il est installé ; jamais créés)</translation>
    </message>
    <message>
        <source>Statement counters read once so far: counters since the last statistics reset. The window&apos;s deltas appear from the next read on.</source>
        <translation>Compteurs des requêtes lus une seule fois jusqu&apos;ici : compteurs depuis la dernière réinitialisation des statistiques. Les écarts de la fenêtre apparaissent dès la prochaine lecture.</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1 : %2.</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2.</source>
        <translation>La lecture de %1 a échoué : %2.</translation>
    </message>
    <message>
        <source>Plan from %1 %2 (database %3)</source>
        <translation>Plan de %1 %2 (base %3)</translation>
    </message>
    <message>
        <source>, EXPLAIN ANALYZE (run read-only, rolled back)</source>
        <translation>, EXPLAIN ANALYZE (exécuté en lecture seule, annulé)</translation>
    </message>
    <message>
        <source>, generic plan (no parameter values)</source>
        <translation>, plan générique (sans valeurs de paramètres)</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Requête : %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>Prints a query plan as a tree with insights: what is slow, why, and what to try. Reads PostgreSQL EXPLAIN (JSON or text, with or without ANALYZE), MySQL 8 EXPLAIN FORMAT=JSON and MariaDB EXPLAIN/ANALYZE FORMAT=JSON.</source>
        <translation>Affiche un plan de requête en arbre avec des constats : ce qui est lent, pourquoi, et quoi essayer. Lit EXPLAIN de PostgreSQL (JSON ou texte, avec ou sans ANALYZE), EXPLAIN FORMAT=JSON de MySQL 8 et EXPLAIN/ANALYZE FORMAT=JSON de MariaDB.</translation>
    </message>
    <message>
        <source>Server to explain on: a PostgreSQL URI or keyword string, or mysql://... / mariadb://...</source>
        <translation>Serveur où lancer EXPLAIN : une URI ou une chaîne de mots-clés PostgreSQL, ou mysql://... / mariadb://...</translation>
    </message>
    <message>
        <source>Read a saved plan from FILE (&quot;-&quot; for standard input).</source>
        <translation>Lire un plan enregistré depuis FICHIER (« - » pour l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>Statement to explain on CONNECTION.</source>
        <translation>Requête à expliquer sur CONNEXION.</translation>
    </message>
    <message>
        <source>Read the statement to explain from FILE.</source>
        <translation>Lire la requête à expliquer depuis FICHIER.</translation>
    </message>
    <message>
        <source>Run the statement (plain SELECT only, rolled back) for actual figures.</source>
        <translation>Exécuter la requête (SELECT simple uniquement, annulé) pour obtenir des chiffres réels.</translation>
    </message>
    <message>
        <source>Print {&quot;plan&quot;, &quot;insights&quot;, &quot;generic_plan&quot;, &quot;analyzed&quot;, &quot;notes&quot;} as JSON.</source>
        <translation>Afficher {&quot;plan&quot;, &quot;insights&quot;, &quot;generic_plan&quot;, &quot;analyzed&quot;, &quot;notes&quot;} en JSON.</translation>
    </message>
    <message>
        <source>Explain in database DB (PostgreSQL: a second short-lived connection; MySQL: the default schema).</source>
        <translation>Expliquer dans la base DB (PostgreSQL : une seconde connexion de courte durée ; MySQL : le schéma par défaut).</translation>
    </message>
    <message>
        <source>PostgreSQL search_path for this EXPLAIN only.</source>
        <translation>search_path PostgreSQL pour cet EXPLAIN seulement.</translation>
    </message>
    <message>
        <source>Statement timeout, ms (default 5000); ANALYZE is stopped after it.</source>
        <translation>Délai d&apos;exécution des requêtes, en ms (5000 par défaut) ; ANALYZE est arrêté au-delà.</translation>
    </message>
    <message>
        <source>Lock timeout, ms (default 500): EXPLAIN never queues longer behind another session&apos;s lock.</source>
        <translation>Délai d&apos;attente de verrou, en ms (500 par défaut) : EXPLAIN n&apos;attend jamais plus longtemps derrière le verrou d&apos;une autre session.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage explain --help&quot; for the options.</source>
        <translation>Lancez « dbtriage explain --help » pour les options.</translation>
    </message>
    <message>
        <source>Statements with $1, $2 ... (as pg_stat_statements prints them) get a generic plan through PREPARE; MySQL/MariaDB digests get a plausible value for each ?. Everything runs in a read-only transaction that is rolled back. --analyze runs a plain SELECT only.</source>
        <translation>Les requêtes avec $1, $2… (telles que pg_stat_statements les affiche) reçoivent un plan générique via PREPARE ; les digests MySQL/MariaDB reçoivent une valeur plausible pour chaque ?. Tout s&apos;exécute dans une transaction en lecture seule qui est annulée. --analyze n&apos;exécute qu&apos;un SELECT simple.</translation>
    </message>
    <message>
        <source>Exit codes: 0 printed, 2 usage, 3 connection failed or lost, 4 EXPLAIN refused or failed (the sentence says why).</source>
        <translation>Codes de sortie : 0 affiché, 2 utilisation, 3 connexion échouée ou perdue, 4 EXPLAIN refusé ou en échec (la phrase dit pourquoi).</translation>
    </message>
    <message>
        <source>--plan-file reads a saved plan; it takes no CONNECTION, --query, --file or --analyze.</source>
        <translation>--plan-file lit un plan enregistré ; il ne prend ni CONNEXION, ni --query, --file ou --analyze.</translation>
    </message>
    <message>
        <source>give --plan-file FILE, or a CONNECTION with --query SQL or --file FILE.</source>
        <translation>indiquez --plan-file FICHIER, ou une CONNEXION avec --query SQL ou --file FICHIER.</translation>
    </message>
    <message>
        <source>give either --query or --file, not both.</source>
        <translation>indiquez --query ou --file, pas les deux.</translation>
    </message>
    <message>
        <source>the statement is empty.</source>
        <translation>la requête est vide.</translation>
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
        <translation>Utilisation :
  dbtriage [CONNEXION]                  ouvrir la fenêtre (connectée si indiquée)
  dbtriage DOSSIER.zip|RÉP              ouvrir la fenêtre sur un dossier enregistré
  dbtriage collect CONNEXION [options]  échantillonner un serveur sans fenêtre
  dbtriage open DOSSIER [--json]        afficher un dossier enregistré (vérifié d&apos;abord)
  dbtriage compare A B                  comparer deux dossiers, ou un dossier (A) et un
                                        serveur en direct (B = CONNEXION)
  dbtriage explain [CONNEXION] [opts]   afficher un plan d&apos;exécution en arbre avec conseils
  dbtriage advise CONNEXION [options]   proposer des index pour les requêtes les plus coûteuses
  dbtriage --version | --help

CONNEXION est une URI postgresql:// ou postgres://, une chaîne de mots-clés libpq
(« host=db1 dbname=app »), service=NOM, ou une URI mysql:// / mariadb://.
Les mots de passe viennent de ~/.pgpass, PGPASSWORD, du fichier de services ou de ~/.my.cnf.
Lancez « dbtriage COMMANDE --help » pour les options d&apos;une commande.
</translation>
    </message>
</context>
<context>
    <name>open</name>
    <message>
        <source>Shows an evidence bundle written by &quot;dbtriage collect --out&quot; with no connection: checksums are verified first, then the README summary is printed.</source>
        <translation>Affiche sans connexion un dossier de preuves écrit par « dbtriage collect --out » : les sommes de contrôle sont vérifiées d&apos;abord, puis le résumé README est affiché.</translation>
    </message>
    <message>
        <source>A bundle .zip, a bundle directory, or a snapshot.json.</source>
        <translation>Un dossier de preuves .zip, un répertoire de dossier ou un snapshot.json.</translation>
    </message>
    <message>
        <source>Print the snapshot as JSON.</source>
        <translation>Afficher l&apos;instantané en JSON.</translation>
    </message>
    <message>
        <source>Run &quot;dbtriage open --help&quot; for the options.</source>
        <translation>Lancez « dbtriage open --help » pour les options.</translation>
    </message>
    <message>
        <source>give exactly one BUNDLE (a .zip file or a directory).</source>
        <translation>indiquez exactement un DOSSIER (un fichier .zip ou un répertoire).</translation>
    </message>
    <message>
        <source>Checksums: %1</source>
        <translation>Sommes de contrôle : %1</translation>
    </message>
    <message>
        <source>Other plans in this bundle:</source>
        <translation>Autres plans de ce bundle :</translation>
    </message>
    <message>
        <source>no insight</source>
        <translation>aucun constat</translation>
    </message>
    <message>
        <source>not readable: %1</source>
        <translation>illisible : %1</translation>
    </message>
    <message>
        <source>The bundle&apos;s README.md and summary.jira.txt are in English, for the ticket.</source>
        <translation>Le README.md et le summary.jira.txt du bundle sont en anglais, pour le ticket.</translation>
    </message>
</context>
<context>
    <name>recording</name>
    <message>
        <source>Sample %1 of %2 failed: %3</source>
        <translation>L&apos;échantillon %1 sur %2 a échoué : %3</translation>
    </message>
</context>
</TS>
