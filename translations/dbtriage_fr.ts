<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
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
</context>
<context>
    <name>advise</name>
    <message>
        <source>Proposes indexes for the statements that cost most over a short window, validated with HypoPG where it is installed (heuristic otherwise), plus unused and redundant indexes. Read-only: nothing is created or dropped; the DDL is for you to review.</source>
        <translation>Propose des index pour les requêtes les plus coûteuses sur une courte fenêtre, validés avec HypoPG là où il est installé (heuristique sinon), ainsi que les index inutilisés et redondants. En lecture seule : rien n&apos;est créé ni supprimé ; le DDL est à relire par vous.</translation>
    </message>
    <message>
        <source>postgresql:// URI, libpq keyword string or service=NAME.</source>
        <translation>URI postgresql://, chaîne de mots-clés libpq ou service=NOM.</translation>
    </message>
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
        <source>Timeout of each of the tool&apos;s statements, ms (default 5000).</source>
        <translation>Délai maximal de chaque requête de l&apos;outil, en ms (5000 par défaut).</translation>
    </message>
    <message>
        <source>Longest wait for another session&apos;s lock, ms (default 500).</source>
        <translation>Attente maximale du verrou d&apos;une autre session, en ms (500 par défaut).</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>dbtriage: unknown command &quot;%1&quot;.</source>
        <translation>dbtriage : commande inconnue « %1 ».</translation>
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
        <source>Add the plans of the N costliest statements (not in this build yet).</source>
        <translation>Ajouter les plans des N requêtes les plus coûteuses (pas encore dans cette version).</translation>
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
        <source>Timeout of each of the tool&apos;s statements, ms (default 5000).</source>
        <translation>Délai maximal de chaque requête de l&apos;outil, en ms (5000 par défaut).</translation>
    </message>
    <message>
        <source>Longest wait for another session&apos;s lock, ms (default 500).</source>
        <translation>Attente maximale du verrou d&apos;une autre session, en ms (500 par défaut).</translation>
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
        <source>--statement-timeout takes milliseconds from 100 to 600000.</source>
        <translation>--statement-timeout attend des millisecondes de 100 à 600000.</translation>
    </message>
    <message>
        <source>--lock-timeout takes milliseconds from 10 to 60000.</source>
        <translation>--lock-timeout attend des millisecondes de 10 à 60000.</translation>
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
        <source>--explain-top is not available in this build yet; the output has no plans.</source>
        <translation>--explain-top n&apos;est pas encore disponible dans cette version ; la sortie ne contient pas de plans.</translation>
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
        <source>Plans of the top statements need a job runner for the database; not available in this build yet.</source>
        <translation>Les plans des requêtes principales demandent un exécuteur de tâches pour la base ; pas encore disponible dans cette version.</translation>
    </message>
    <message>
        <source>Index candidates need a job runner for the database; not available in this build yet.</source>
        <translation>Les index candidats demandent un exécuteur de tâches pour la base ; pas encore disponible dans cette version.</translation>
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
        <source>Findings: %1 critical, %2 warning</source>
        <translation>Constats : %1 critiques, %2 avertissements</translation>
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
        <source>The session list could not be read: %1</source>
        <translation>La liste des sessions n&apos;a pas pu être lue : %1</translation>
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
        <source>Comes with the explain view</source>
        <translation>Arrive avec la vue des plans</translation>
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
        <translation>Utilisation :
  dbtriage [CONNEXION]                  ouvrir la fenêtre (connectée si indiquée)
  dbtriage DOSSIER.zip|RÉP              ouvrir la fenêtre sur un dossier enregistré
  dbtriage collect CONNEXION [options]  échantillonner un serveur sans fenêtre
  dbtriage open DOSSIER [--json]        afficher un dossier enregistré (vérifié d&apos;abord)
  dbtriage compare A B                  comparer deux dossiers, ou un dossier (A) et un
                                        serveur en direct (B = CONNEXION)
  dbtriage --version | --help

CONNEXION est une URI postgresql:// ou postgres://, une chaîne de mots-clés libpq
(« host=db1 dbname=app »), service=NOM, ou une URI mysql:// / mariadb://.
Les mots de passe viennent de ~/.pgpass, PGPASSWORD, du fichier de services ou de ~/.my.cnf.
Lancez « dbtriage collect --help » pour les options de collect.
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
</context>
<context>
    <name>recording</name>
    <message>
        <source>Sample %1 of %2 failed: %3</source>
        <translation>L&apos;échantillon %1 sur %2 a échoué : %3</translation>
    </message>
</context>
</TS>
