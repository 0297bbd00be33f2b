//! The interface's own words, in French and English. The plan's texts come
//! from the core; these are the labels around them. The language is handed
//! down by context.

pub use headroom_core::text::{tx, Lang, Text};
use yew::prelude::*;

/// The language of this build of the page. Each page of the site carries one
/// language (features `only-fr`, `only-en`): `fr/` the French one, the root
/// the English one. `None` for a build with both, which switches in place.
pub const PAGE: Option<Lang> = if cfg!(feature = "only-fr") {
    Some(Lang::Fr)
} else if cfg!(feature = "only-en") {
    Some(Lang::En)
} else {
    None
};

/// The language of the page.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

pub const TAGLINE: Text = tx(
    "Le plan de capacité de votre pile auto-hébergée : palier, matériel, limites Docker, réglages et date de migration.",
    "The capacity plan for your self-hosted stack: tier, hardware, Docker limits, settings and when to migrate.",
);
pub const LANGUAGE: Text = tx("Langue", "Language");
pub const COPY_LINK: Text = tx("Copier le lien", "Copy link");
pub const COPIED: Text = tx("Copié", "Copied");
pub const COPY_FAILED: Text = tx(
    "Copie impossible : sélectionnez le texte",
    "Could not copy: select the text",
);
pub const SHARE_HINT: Text = tx(
    "Toutes les entrées sont dans l'adresse de la page : le lien suffit pour partager ce plan.",
    "Every input lives in the page's address: the link is all it takes to share this plan.",
);

// Inputs.
pub const INPUTS: Text = tx("Vos chiffres", "Your figures");
pub const ADVANCED: Text = tx("Hypothèses avancées", "Advanced assumptions");
pub const MEASURED: Text = tx(
    "Mesures du serveur (facultatif)",
    "Server measurements (optional)",
);
pub const RUNBOOK_NAMES: Text = tx("Noms pour les commandes", "Names for the commands");
pub const DEFAULT_RULE: Text = tx("vide : règle de la source", "empty: the source's rule");
pub const DEFAULT_TIER: Text = tx("vide : selon le palier", "empty: set by the tier");
pub const EMPTY_ABSENT: Text = tx("vide : non mesuré", "empty: not measured");
pub const UPLINK_EMPTY: Text = tx(
    "vide : un besoin, pas une limite",
    "empty: a need, not a limit",
);
pub const ALLOWED: Text = tx("Valeurs admises", "Allowed");

// Notices.
pub const REFUSED: Text = tx(
    "Valeurs refusées : le plan garde la dernière valeur valide, ou la valeur par défaut",
    "Refused values: the plan keeps the last valid value, or the default",
);

// Summary.
pub const SUMMARY: Text = tx("En bref", "Summary");
pub const USERS: Text = tx("utilisateurs", "users");
pub const USERS_COLUMN: Text = tx("Utilisateurs", "Users");
pub const NEXT_TIER: Text = tx("Palier suivant", "Next tier");
pub const FROM: Text = tx("à partir de", "from");
pub const LAST_TIER: Text = tx(
    "Dernier palier : il s'étend sans limite.",
    "Last tier: it scales without limit.",
);
pub const POSITION: Text = tx("Position dans le palier", "Position in the tier");
pub const YOUR_HOST: Text = tx("Votre machine", "Your machine");
pub const START_PHASE_1: Text = tx(
    "Lancer la phase 1 de la migration",
    "Start phase 1 of the migration",
);
pub const CEILING: Text = tx(
    "Plafond de la machine : migration terminée",
    "Machine's ceiling: migration done",
);
pub const AT_USERS: Text = tx("à", "at");
pub const MIGRATE_TO: Text = tx("Destination", "Move to");
pub const NO_MIGRATION: Text = tx(
    "Le cloud n'a pas de plafond : pas de migration à prévoir.",
    "The cloud has no ceiling: no migration to plan.",
);

// Growth chart.
pub const GROWTH: Text = tx("Croissance sur 36 mois", "Growth over 36 months");
pub const CHART_USERS: Text = tx("Utilisateurs (échelle logarithmique)", "Users (log scale)");
pub const PHASE_1: Text = tx("phase 1", "phase 1");
pub const CEILING_SHORT: Text = tx("plafond", "ceiling");

// Load.
pub const LOAD: Text = tx("Charge attendue", "Expected load");
pub const REQUESTS_PER_DAY: Text = tx("Requêtes par jour", "Requests per day");
pub const REQUESTS_PER_SECOND: Text = tx("Requêtes par seconde", "Requests per second");
pub const AVERAGE: Text = tx("en moyenne", "on average");
pub const AT_PEAK: Text = tx("en pointe", "at peak");
pub const DATABASE: Text = tx("Base de données", "Database");
pub const CACHE: Text = tx("Cache actif", "Active cache");
pub const DISK_USED: Text = tx("Disque utilisé (estimé)", "Disk in use (estimated)");
pub const DISK_PROVISION: Text = tx(
    "Disque à prévoir (tableau des paliers)",
    "Disk to provision (tier table)",
);
pub const PER_USER: Text = tx("par utilisateur", "per user");
pub const SOURCE_RULE: Text = tx("règle de la source", "the source's rule");
pub const YOUR_INPUT: Text = tx("votre saisie", "your input");
pub const SOURCE_PROFILE: Text = tx(
    "Les quatre profils de la source",
    "The source's four load profiles",
);

// Hardware and costs.
pub const HARDWARE: Text = tx("Matériel et coûts", "Hardware and costs");
pub const MACHINE: Text = tx("Machine", "Machine");
pub const OS_RESERVE: Text = tx(
    "Hypothèse : 512 Mio de mémoire restent au système, hors conteneurs.",
    "Assumption: 512 MiB of memory stay with the operating system, outside the containers.",
);
pub const RESOURCE: Text = tx("Ressource", "Resource");
pub const USE: Text = tx("Utilisation", "Use");
pub const NOTE: Text = tx("Note", "Note");
pub const UPGRADES: Text = tx("Achats", "Purchases");
pub const MONTHLY_COST: Text = tx("Coût mensuel", "Monthly cost");
pub const DURABILITY: Text = tx("Durée du palier", "How long the tier lasts");
pub const OPTIMISATIONS: Text = tx("Optimisations", "Optimisations");
pub const MINI_PC: Text = tx("Le mini PC à acheter", "The mini PC to buy");
pub const PART: Text = tx("Pièce", "Part");
pub const PRICE: Text = tx("Prix", "Price");
pub const TOTAL: Text = tx("Total", "Total");
pub const ARCHITECTURE: Text = tx("Architecture distribuée", "Distributed architecture");
pub const ALL_TIERS: Text = tx("Les cinq paliers en détail", "All five tiers in detail");
pub const LIMITS: Text = tx("Limites Docker Compose", "Docker Compose limits");
pub const SERVICE: Text = tx("Service", "Service");
pub const REPLICAS: Text = tx("répliques", "replicas");
pub const MONTHS: Text = tx("mois", "months");

// Compose.
pub const COMPOSE: Text = tx(
    "Fichier docker-compose.override.yml",
    "docker-compose.override.yml file",
);
pub const COMPOSE_HOW: Text = tx(
    "Enregistrez-le à côté de votre docker-compose.yml : Docker Compose fusionne les deux. La fusion REMPLACE la commande (command:) de postgres et de redis et le NODE_OPTIONS de l'API : recopiez-y vos propres options (--requirepass, --appendonly, -c …), ou gardez vos commandes et prenez les réglages sous leur autre forme (section suivante). En ligne de commande, headroom plan --base docker-compose.yml --compose FICHIER les reporte pour vous.",
    "Save it next to your docker-compose.yml: Docker Compose merges the two. The merge REPLACES the command: of postgres and redis and the API's NODE_OPTIONS: copy your own flags into them (--requirepass, --appendonly, -c …), or keep your commands and take the settings in their other forms (next section). On the command line, headroom plan --base docker-compose.yml --compose FILE carries them over for you.",
);
pub const COPY: Text = tx("Copier", "Copy");
pub const DOWNLOAD: Text = tx("Télécharger", "Download");
pub const NO_COMPOSE: Text = tx(
    "Le palier 5 n'a pas de fichier compose : il passe à une architecture distribuée.",
    "Tier 5 has no compose file: it moves to a distributed architecture.",
);
pub const CORRECTED_FROM_SOURCE: Text = tx(
    "Corrigé par rapport à la source",
    "Corrected from the source",
);

// Tuning.
pub const TUNING: Text = tx("Réglages des serveurs", "Server settings");
pub const SETTING: Text = tx("Réglage", "Setting");
pub const POOLER_RUNBOOK: Text = tx(
    "Mettre PgBouncer devant PostgreSQL",
    "Put PgBouncer in front of PostgreSQL",
);
pub const PG_WORST_CASE: Text = tx("Pire cas de PostgreSQL", "PostgreSQL's worst case");
pub const TERM: Text = tx("Poste", "Term");
pub const AMOUNT: Text = tx("Mémoire", "Memory");
pub const HOW_COUNTED: Text = tx("Calcul", "How it is counted");
pub const VALUE: Text = tx("Valeur", "Value");
pub const ORIGIN: Text = tx("Provenance", "Where it comes from");
pub const SOURCE_VALUE: Text = tx("Valeur de la source", "Source's value");

// Budget.
pub const BUDGET: Text = tx("Bilan des ressources", "Budget check");
pub const MEMORY: Text = tx("Mémoire", "Memory");
pub const CPU: Text = tx("Processeur", "CPU");
pub const OS: Text = tx("système", "OS");
pub const LEFT: Text = tx("libre", "free");
pub const OVERFLOW: Text = tx(
    "La mémoire déborde : ces limites ne tiennent pas sur cette machine.",
    "Memory overflows: these limits do not fit this machine.",
);
pub const OVERSUBSCRIBED: Text = tx(
    "Les limites CPU additionnées dépassent les cœurs de la machine, et c'est sans danger : une limite cpus est un plafond, pas une réservation. Les services ne se ralentissent que s'ils sont occupés en même temps, ce que mesure la section Latence.",
    "The CPU limits add up to more than the machine's cores, and that is safe: a cpus limit is a ceiling, not a reservation. The services slow each other only when busy at the same time, which the Latency section measures.",
);
pub const CHECKED_ON: Text = tx("Vérifié sur", "Checked on");
pub const NO_BUDGET: Text = tx(
    "Pas de bilan au palier 5 : la charge est répartie sur plusieurs machines.",
    "No budget at tier 5: the load spreads over several machines.",
);

// Decisions.
pub const DECISIONS: Text = tx("Quand agir", "When to act");
pub const METRIC: Text = tx("Mesure", "Metric");
pub const THRESHOLD: Text = tx("Seuil", "Threshold");
pub const LEVEL: Text = tx("Niveau", "Level");
pub const ACTION: Text = tx("Action", "Action");
pub const MEASURED_VALUE: Text = tx("Votre mesure", "Your measure");
pub const TRIGGERED: Text = tx("déclenché", "triggered");
pub const ACT_NOW: Text = tx("À faire, le plus grave d'abord", "To do, most severe first");
pub const NO_METRICS: Text = tx(
    "Saisissez vos mesures (CPU, RAM, disque, latence, erreurs) pour repérer les lignes qui vous concernent.",
    "Enter your measurements (CPU, RAM, disk, latency, errors) to mark the rows that apply to you.",
);
pub const NOTHING_TRIGGERED: Text = tx("Aucun seuil franchi.", "No threshold crossed.");

// Roadmap.
pub const ROADMAP: Text = tx("Feuille de route", "Roadmap");
pub const STEP: Text = tx("Étape", "Step");
pub const SOURCE_TIMELINE: Text = tx("Calendrier de la source", "Source's timeline");
pub const PROJECTED: Text = tx("Projeté pour vous", "Projected for you");
pub const REACHED: Text = tx("atteint", "reached");
pub const TIER_LASTS: Text = tx("Durée : source / calculée", "Lasts: source / computed");

// Runbooks.
pub const RUNBOOKS: Text = tx("Procédures", "Runbooks");
pub const MIGRATION: Text = tx("Migration Pi 4 → mini PC", "Migration Pi 4 → mini PC");
pub const PHASE: Text = tx("Phase", "Phase");
pub const TASKS: Text = tx("Tâches", "Tasks");
pub const CHECKLIST: Text = tx("Liste de contrôle", "Checklist");
pub const STEPS: Text = tx("Étapes", "Steps");
pub const ROLLBACK: Text = tx("Retour arrière d'urgence", "Emergency rollback");
pub const COMPOSE_CHANGE: Text = tx(
    "À chaque changement de configuration compose",
    "For every compose configuration change",
);
pub const COMPOSE_V2: Text = tx(
    "Les commandes utilisent docker compose (v2) : docker-compose (v1) n'est plus maintenu.",
    "Commands use docker compose (v2): docker-compose (v1) is retired.",
);

// Considerations and conclusion.
pub const CONSIDERATIONS: Text = tx("Points d'attention", "Special considerations");
pub const CONCLUSION: Text = tx("Conclusion", "Conclusion");
pub const FOR_YOU: Text = tx("Pour vous", "For you");
pub const SOURCE_CONCLUSION: Text = tx("La conclusion de la source", "The source's conclusion");
pub const HEADROOM_READING: Text = tx("Lecture de Headroom", "Headroom's reading");
pub const CORRECTIONS: Text = tx(
    "Où Headroom s'écarte de la source",
    "Where Headroom departs from the source",
);
pub const THE_SOURCE_SAYS: Text = tx("La source", "The source");
pub const HEADROOM_DOES: Text = tx("Headroom", "Headroom");
pub const ABOUT_SOURCE: Text = tx(
    "Les chiffres viennent d'une analyse de capacité écrite pour une application de cartes mémoire hébergée sur :",
    "The figures come from a capacity analysis written for a flashcard app running on:",
);
pub const SOURCE_CAPACITY: Text = tx(
    "Capacité recommandée du Pi 4 selon la source",
    "The Pi 4's recommended capacity per the source",
);

// Headroom by resource.
pub const RESOURCES: Text = tx("Marge par ressource", "Headroom by resource");
pub const FIRST_FULL: Text = tx(
    "Ce qui fixe le plafond de la machine",
    "What sets the machine's ceiling",
);
pub const BASIS: Text = tx("Base", "Basis");
pub const NOW: Text = tx("Maintenant", "Now");
pub const WARNING: Text = tx("Alerte", "Warning");
pub const CRITICAL: Text = tx("Critique", "Critical");
pub const FULL: Text = tx("Pleine", "Full");
pub const CHART_RESOURCES: Text = tx(
    "Utilisation en % de la machine, maintenant → dans 36 mois ; en pointillés, les seuils du tableau de décision (70 à 95 %).",
    "Use in % of the machine, now → in 36 months; dashed, the decision table's thresholds (70 to 95%).",
);

// The decision table as Prometheus rules.
pub const ALERTS: Text = tx("Règles d'alerte Prometheus", "Prometheus alerting rules");
pub const ALERTS_HOW: Text = tx(
    "Le même tableau en règles pour Prometheus : processeur, mémoire et disque de la machine (node_exporter), mémoire de chaque conteneur face à son mem_limit (cAdvisor), latence p95 et part de 5xx depuis l'histogramme ",
    "The same table as rules for Prometheus: the host's CPU, memory and disk (node_exporter), each container's memory against its mem_limit (cAdvisor), p95 latency and the 5xx share from the histogram ",
);
pub const ALERTS_HISTOGRAM: Text = tx(
    " de votre API (un autre nom : headroom plan --alerts FICHIER --histogram NOM). Chaque règle porte l'action du tableau.",
    " of your API (another name: headroom plan --alerts FILE --histogram NAME). Each rule carries the table's action.",
);

// Now / Next / Later.
pub const AGENDA: Text = tx("Maintenant, ensuite, plus tard", "Now, next, later");
pub const NEXT: Text = tx("Ensuite", "Next");
pub const LATER: Text = tx("Plus tard", "Later");
pub const NOTHING: Text = tx("Rien.", "Nothing.");
pub const NO_CONSIDERATION: Text = tx(
    "Rien de particulier à surveiller pour cette machine.",
    "Nothing in particular to watch on this machine.",
);
pub const CLOUD_INSTANCE: Text = tx(
    "Dans le cloud, l'instance (ou la somme des instances) qu'il faut à ce palier, système compris",
    "In the cloud, the instance (or the instances together) this tier needs, system included",
);
pub const OF_MEMORY: Text = tx("de mémoire", "of memory");
pub const VCPUS: Text = tx("vCPU", "vCPUs");
pub const NO_USERS_YET: Text = tx(
    "Pas encore d'utilisateurs : la projection part du premier.",
    "No users yet: the projection starts with the first one.",
);
pub const OTHER_FORMS: Text = tx(
    "Les mêmes réglages, autrement",
    "The same settings, in other forms",
);
pub const OTHER_FORMS_HOW: Text = tx(
    "Pour garder la commande de votre compose telle quelle : à coller dans postgresql.conf, à lancer en psql (puis redémarrer PostgreSQL pour shared_buffers et max_connections), ou dans redis.conf.",
    "To keep your compose command as it is: paste into postgresql.conf, run in psql (then restart PostgreSQL for shared_buffers and max_connections), or add to redis.conf.",
);
pub const PASTE_BASE: Text = tx(
    "Votre docker-compose.yml (facultatif)",
    "Your own docker-compose.yml (optional)",
);
pub const PASTE_BASE_HOW: Text = tx(
    "Collez-le ici : l'override est alors écrit pour lui, avec vos noms de services, et reprend les options de vos commandes et votre NODE_OPTIONS. Le fichier reste dans votre navigateur, pour cet onglet.",
    "Paste it here: the override is then written for it, with your service names, and carries over your commands' flags and your NODE_OPTIONS. The file stays in your browser, for this tab.",
);
pub const READING: Text = tx("Lecture du fichier…", "Reading the file…");
pub const BASE_MERGED: Text = tx(
    "L'override écrit pour votre fichier :",
    "The override written for your file:",
);
pub const CLEAR_PASTE: Text = tx(
    "Effacer mon fichier (revenir à l'override générique)",
    "Clear my file (back to the generic override)",
);
pub const BASE_REFUSED: Text = tx("Fichier inutilisable : ", "Cannot use this file: ");
pub const TODAY: Text = tx("aujourd'hui", "today");

// Tier 5's Kubernetes bundle.
pub const K8S_TITLE: Text = tx("Le paquet Kubernetes", "The Kubernetes bundle");
pub const K8S_WHAT: Text = tx(
    "Une kustomization pour cette architecture, dimensionnée par ce plan : PostgreSQL sur CloudNativePG avec ses poolers PgBouncer, Redis avec Sentinel, l'API et le front-end sous autoscaler. Le générateur n'est chargé qu'à la demande.",
    "A kustomization for this architecture, sized by this plan: PostgreSQL on CloudNativePG with its PgBouncer poolers, Redis with Sentinel, the API and the front end under autoscalers. The writer is loaded only when asked for.",
);
pub const K8S_BUILD: Text = tx(
    "Générer le paquet Kubernetes",
    "Build the Kubernetes bundle",
);
pub const K8S_BUILDING: Text = tx("Génération du paquet…", "Building the bundle…");
pub const K8S_DONE: Text = tx(
    "Les composants du paquet, par pod :",
    "The bundle's components, per pod:",
);
pub const K8S_REFUSED: Text = tx("Pas de paquet : ", "No bundle: ");
pub const K8S_HOW: Text = tx(
    "Décompressez l'archive, créez les secrets (secrets.example.sh), puis appliquez import/ une fois et le dossier avec kubectl apply -k.",
    "Unzip the archive, create the secrets (secrets.example.sh), then apply import/ once and the folder with kubectl apply -k.",
);
pub const K8S_COMPONENT: Text = tx("Composant", "Component");
pub const K8S_PODS: Text = tx("Pods", "Pods");
pub const K8S_CPU: Text = tx("CPU (demande / limite)", "CPU (request / limit)");
pub const K8S_MEMORY: Text = tx("Mémoire", "Memory");
pub const K8S_STORAGE: Text = tx("Volume", "Volume");
pub const K8S_ORIGIN: Text = tx("D'où vient la taille", "Where the size comes from");

pub const LATENCY: Text = tx("Latence à l'heure de pointe", "Latency at the peak hour");
pub const LATENCY_CLOUD: Text = tx(
    "Dans le cloud, Headroom ne connaît pas vos processeurs : donnez le temps de service (svc) et les serveurs en parallèle (par).",
    "In the cloud Headroom does not know your CPUs: give the service time (svc) and the servers in parallel (par).",
);
pub const DEMAND: Text = tx("Demande par requête", "Demand per request");
pub const SERVICE_TIME: Text = tx("Temps de service (latence)", "Service time (latency)");
pub const SERVERS: Text = tx("Serveurs en parallèle", "Servers in parallel");
pub const PEAK_UTILISATION: Text = tx("Utilisation à la pointe", "Utilisation at the peak");
pub const PEAK_P95: Text = tx("P95 à la pointe", "P95 at the peak");
pub const PEAK_SATURATES: Text = tx("La pointe sature à", "The peak saturates at");
pub const NEVER: Text = tx("jamais", "never");
pub const SATURATED: Text = tx("saturé", "saturated");
pub const SATURATED_NOW: Text = tx(
    "Saturé dès maintenant à l'heure de pointe",
    "Saturated at the peak hour already",
);
pub const CHART_LATENCY: Text = tx(
    "P95 à l'heure de pointe selon les utilisateurs",
    "P95 at the peak hour against users",
);
pub const AXIS_LATENCY: Text = tx(
    "deux échelles logarithmiques ; les lignes : les seuils P95 du tableau de décision",
    "both scales logarithmic; the lines: the decision table's P95 rows",
);
pub const ASSUMPTION: Text = tx("Hypothèse", "Assumption");
pub const PAR_EMPTY: Text = tx(
    "vide : les processeurs de la machine",
    "empty: the machine's CPUs",
);

// The user's measurements.
pub const MEASUREMENTS: Text = tx("Vos mesures", "Your measurements");
pub const MEASUREMENTS_HOW: Text = tx(
    "Collez ce que vos outils affichent : Headroom en tire les entrées du plan (CPU et RAM, temps de service et sa dispersion), marquées « mesuré », et le lien les garde, sans le texte collé. Le lecteur n'est chargé qu'au premier collage ; rien ne quitte votre navigateur.",
    "Paste what your tools print: Headroom takes the plan's inputs from it (CPU and RAM, service time and its spread), marked \"measured\", and the link keeps them, without the pasted text. The reader loads on the first paste; nothing leaves your browser.",
);
pub const PASTE_STATS: Text = tx(
    "docker stats --no-stream (tableau ou --format '{{json .}}')",
    "docker stats --no-stream (table or --format '{{json .}}')",
);
pub const PASTE_LOADTEST: Text = tx(
    "Rapport de test de charge : oha (JSON), k6 --summary-export, autocannon --json, wrk --latency, pgbench",
    "Load-test report: oha (JSON), k6 --summary-export, autocannon --json, wrk --latency, pgbench",
);
pub const PASTE_LOADTEST_HOW: Text = tx(
    "Plusieurs rapports (un par niveau de charge) : séparez-les par une ligne ---. À six niveaux ou plus, Headroom ajuste la loi d'extensibilité universelle.",
    "Several reports (one per load level): separate them with a line ---. With six levels or more, Headroom fits the Universal Scalability Law.",
);
pub const READ_MEASURED: Text = tx(
    "Lu : les entrées marquées « mesuré » viennent de là.",
    "Read: the inputs marked \"measured\" come from it.",
);
pub const PASTE_MEASUREMENTS: Text = tx(
    "Coller docker stats ou un rapport de test de charge",
    "Paste docker stats or a load-test report",
);
pub const MEASURE_REFUSED: Text = tx("Illisible : ", "Cannot read this: ");
pub const CLEAR_MEASUREMENTS: Text = tx("Effacer mes mesures", "Clear my measurements");
pub const NO_MEASUREMENTS: Text = tx(
    "Aucune mesure pour l'instant : le plan repose sur vos entrées et sur la source.",
    "No measurements yet: the plan rests on your inputs and on the source.",
);
pub const CONTAINER: Text = tx("Conteneur", "Container");
pub const ROLE: Text = tx("Rôle", "Role");
pub const MEMORY_NOW: Text = tx("Mémoire / limite actuelle", "Memory / current limit");
pub const UNDER_OVERRIDE: Text = tx("Sous l'override", "Under the override");
pub const MEASURED_BY: Text = tx("mesuré par", "measured by");
pub const CS2_EMPTY: Text = tx("vide : exponentielle, 1", "empty: exponential, 1");

// The phone's answer and the printout's header.
pub const ANSWER: Text = tx("La réponse", "The answer");
pub const SEE_AGENDA: Text = tx("Maintenant / Ensuite / Plus tard ↓", "Now / Next / Later ↓");
pub const SHARE_LINK: Text = tx("Lien de ce plan", "Link to this plan");

/// A machine's name short enough for a chart's label.
pub fn host_short(host: headroom_core::hardware::Host, lang: Lang) -> &'static str {
    use headroom_core::hardware::Host;
    match host {
        Host::Pi4 => "Pi 4",
        Host::MiniPc => tx("mini PC", "Mini PC").get(lang),
        Host::Cloud => tx("cloud", "Cloud").get(lang),
        Host::Custom => tx("votre machine", "Your machine").get(lang),
    }
}
