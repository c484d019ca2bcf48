#include "core/diagnostic_catalog.hpp"

namespace cordee::core {
namespace {

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

// clang-format off
constexpr DiagnosticInfo kCatalog[] = {
    // X: reading the file
    {"X001", E, "XML mal formé : {0}", "malformed XML: {0}"},
    {"X002", E, "encodage « {0} » refusé : enregistrez le fichier en UTF-8", "encoding \"{0}\" refused: save the file as UTF-8"},
    {"X003", E, "octet {0} invalide en UTF-8 : enregistrez le fichier en UTF-8", "invalid UTF-8 byte {0}: save the file as UTF-8"},
    {"X004", E, "caractère nul (octet 0) dans le fichier : ce n'est pas un fichier texte", "NUL byte in the file: this is not a text file"},
    {"X005", E, "déclaration {0} refusée : écrivez les caractères directement, sans DOCTYPE ni entité", "{0} declaration refused: write characters directly, without DOCTYPE or entities"},
    {"X006", E, "fichier trop gros ({0} octets) : la limite est de {1} octets (16 Mo)", "file too large ({0} bytes): the limit is {1} bytes (16 MB)"},
    {"X007", E, "fichier vide", "empty file"},
    {"X008", E, "imbrication trop profonde (plus de {0} niveaux)", "nesting too deep (more than {0} levels)"},
    {"X009", E, "référence de caractère {0} invalide : elle ne désigne aucun caractère permis", "invalid character reference {0}: it names no allowed character"},
    {"X010", E, "fichier illisible : {0}", "cannot read the file: {0}"},
    {"X012", E, "« & » isolé : écrivez &amp; pour une esperluette", "lone \"&\": write &amp; for an ampersand"},
    {"X013", E, "caractère de contrôle {0} interdit dans un fichier XML", "control character {0} is not allowed in an XML file"},
    {"X014", E, "balise fermante </{0}> inattendue : <{1}> ouverte ligne {2} n'est pas encore fermée", "unexpected closing tag </{0}>: <{1}> opened on line {2} is still open"},
    {"X015", E, "<{0}> ouvert ici n'est jamais fermé", "<{0}> opened here is never closed"},
    {"X016", E, "{0} non terminé avant la fin du fichier", "{0} not terminated before the end of the file"},
    {"X017", E, "balise <{0}> mal formée : vérifiez les guillemets des attributs et le > final", "malformed tag <{0}>: check the attribute quotes and the closing >"},
    {"X018", E, "balise fermante </{0}> sans balise ouvrante", "closing tag </{0}> without an opening tag"},
    {"X019", E, "contenu après la fin de l'élément racine : un fichier n'a qu'un seul élément racine", "content after the end of the root element: a file has a single root element"},
    {"X020", E, "« < » isolé dans le texte : écrivez &lt; pour un signe inférieur", "lone \"<\" in text: write &lt; for a less-than sign"},
    {"X021", E, "la déclaration <?xml …?> doit être tout au début du fichier", "the <?xml …?> declaration must come first in the file"},
    {"X022", E, "… et {0} autre(s) problème(s) dans ce fichier, non affichés (au plus {1} par fichier) : corrigez les premiers, puis relancez", "… and {0} more problem(s) in this file, not shown (at most {1} per file): fix the first ones, then run again"},
    {"X023", E, "balise <{0}> avec plus de {1} attributs : un élément de cours en a au plus six", "tag <{0}> has more than {1} attributes: a course element has six at most"},
    {"X024", E, "inclusion de « {0} » refusée : le cours dépasserait {1} octets (64 Mo) de fichiers XML au total", "include of \"{0}\" refused: the course would exceed {1} bytes (64 MB) of XML files in all"},
    {"X011", E, "entité {0} inconnue : seules &amp; &lt; &gt; &quot; &apos; existent ; écrivez le caractère directement", "unknown entity {0}: only &amp; &lt; &gt; &quot; &apos; exist; write the character directly"},

    // S: structure
    {"S001", E, "élément <{0}> inconnu{1}", "unknown element <{0}>{1}"},
    {"S002", E, "attribut « {0} » inconnu sur <{1}>{2}", "unknown attribute \"{0}\" on <{1}>{2}"},
    {"S003", E, "<{0}> doit contenir {1}", "<{0}> must contain {1}"},
    {"S004", E, "attribut « {0} » obligatoire manquant sur <{1}>", "missing required attribute \"{0}\" on <{1}>"},
    {"S005", E, "valeur « {0} » invalide pour « {1} » : {2}", "invalid value \"{0}\" for \"{1}\": {2}"},
    {"S006", E, "<{0}> n'est pas permis dans <{1}> (permis ici : {2})", "<{0}> is not allowed inside <{1}> (allowed here: {2})"},
    {"S007", E, "texte non permis directement dans <{0}> : « {1} »", "text not allowed directly inside <{0}>: \"{1}\""},
    {"S008", E, "<{0}> en double dans <{1}> : un seul est permis", "duplicate <{0}> inside <{1}>: only one is allowed"},
    {"S009", E, "l'élément racine doit être <{0}>, pas <{1}>", "the root element must be <{0}>, not <{1}>"},
    {"S010", E, "format « {0} » non pris en charge : ce lecteur lit le format 1", "format \"{0}\" is not supported: this player reads format 1"},

    // I: identifiers
    {"I001", E, "identifiant « {0} » invalide : lettres minuscules sans accent, chiffres, - et _, en commençant par une lettre ou un chiffre", "invalid id \"{0}\": lowercase unaccented letters, digits, - and _, starting with a letter or digit"},
    {"I002", E, "identifiant « {0} » déjà utilisé en {1}", "id \"{0}\" is already used at {1}"},

    // R: references
    {"R001", E, "terme « {0} » absent du glossaire{1}", "term \"{0}\" is not in the glossary{1}"},
    {"R002", E, "requires : le module « {0} » n'existe pas{1}", "requires: there is no module \"{0}\"{1}"},
    {"R003", E, "goto : aucune scène ni fin « {0} » dans ce scénario{1}", "goto: no scene or ending \"{0}\" in this scenario{1}"},
    {"R004", E, "start : aucune scène « {0} » dans ce scénario{1}", "start: no scene \"{0}\" in this scenario{1}"},
    {"R005", E, "les modules « {0} » se requièrent en boucle : aucun ne pourra être ouvert", "modules \"{0}\" require each other in a loop: none can ever be opened"},

    // M: media and links
    {"M001", E, "chemin absolu « {0} » : donnez un chemin relatif au dossier du cours (media/…, modules/…)", "absolute path \"{0}\": give a path relative to the course folder (media/…, modules/…)"},
    {"M002", E, "le chemin « {0} » sort du dossier du cours", "path \"{0}\" leaves the course folder"},
    {"M003", E, "fichier média « {0} » introuvable", "media file \"{0}\" not found"},
    {"M004", E, "format d'image « {0} » non pris en charge : utilisez PNG, JPEG ou SVG", "image format \"{0}\" not supported: use PNG, JPEG or SVG"},
    {"M005", W, "image « {0} » très large ({1} px) : au-delà de 4096 px elle pèse sans rien gagner à l'écran", "image \"{0}\" is very wide ({1} px): beyond 4096 px it costs memory for nothing on screen"},
    {"M006", E, "lien « {0} » refusé : seuls les liens http:// et https:// sont permis", "link \"{0}\" refused: only http:// and https:// links are allowed"},
    {"M007", W, "texte alternatif vide sur l'image « {0} » : décrivez ce qu'elle montre", "empty alt text on image \"{0}\": describe what it shows"},
    {"M008", E, "le fichier « {0} » n'est pas une image {1} lisible", "file \"{0}\" is not a readable {1} image"},
    {"M010", E, "« {0} » est un lien qui mène hors du dossier du cours : copiez le fichier lui-même dans le dossier", "\"{0}\" is a link that leads out of the course folder: copy the file itself into the folder"},
    {"M011", E, "« {0} » est un dossier, pas un fichier : donnez le chemin du fichier (media/photo.png)", "\"{0}\" is a folder, not a file: give the file's path (media/photo.png)"},
    {"M012", E, "« {0} » n'est pas un fichier ordinaire (tube, périphérique ou socket) : seul un fichier peut être lu", "\"{0}\" is not a regular file (pipe, device or socket): only a file can be read"},
    {"M020", E, "image « {0} » trop grande : {1} × {2} px, soit {3} Mo une fois décodée ; la limite est de 8192 × 8192 px (64 mégapixels, 256 Mo décodée) : réduisez-la", "image \"{0}\" too large: {1} × {2} px, {3} MB once decoded; the limit is 8192 × 8192 px (64 megapixels, 256 MB decoded): make it smaller"},
    {"M021", E, "image « {0} » trop longue : {1} × {2} px ; aucun côté ne peut dépasser 16384 px : réduisez-la ou découpez-la", "image \"{0}\" too long: {1} × {2} px; no side may exceed 16384 px: make it smaller or cut it"},
    {"M022", E, "image « {0} » de taille nulle ou négative ({1} × {2} px) : son en-tête est faux ; exportez-la de nouveau", "image \"{0}\" has a zero or negative size ({1} × {2} px): its header is wrong; export it again"},
    {"M023", E, "image « {0} » tronquée : le fichier s'arrête avant la fin de l'image ; copiez-la ou exportez-la de nouveau", "image \"{0}\" is truncated: the file stops before the end of the image; copy or export it again"},

    // N: includes
    {"N001", E, "fichier inclus « {0} » introuvable", "included file \"{0}\" not found"},
    {"N002", E, "inclusion en boucle : « {0} » s'inclut lui-même (par {1})", "include loop: \"{0}\" includes itself (through {1})"},

    // Q: quizzes and questions
    {"Q001", E, "question « {0} » sans bonne réponse : marquez au moins un choix correct=\"true\"", "question \"{0}\" has no correct answer: mark at least one choice correct=\"true\""},
    {"Q002", E, "question à choix unique « {0} » avec {1} bonnes réponses : gardez-en une, ou utilisez <multiple>", "single-choice question \"{0}\" has {1} correct answers: keep one, or use <multiple>"},
    {"Q003", E, "pick=\"{0}\" dépasse le nombre de questions du quiz ({1})", "pick=\"{0}\" is more than the quiz's questions ({1})"},
    {"Q004", E, "pass=\"{0}\" doit être un pourcentage entre 0 et 100", "pass=\"{0}\" must be a percentage from 0 to 100"},
    {"Q005", W, "quiz « {0} » de {1} question(s) seulement : prévoyez-en au moins 3", "quiz \"{0}\" has only {1} question(s): plan at least 3"},
    {"Q006", E, "<{0}> doit avoir au moins 2 {1}", "<{0}> needs at least 2 {1}"},
    {"Q007", E, "<text> sans aucun <blank> : le texte à trous n'a pas de trou", "<text> without any <blank>: the gap-fill text has no gap"},
    {"Q008", E, "<blank> sans réponse : écrivez la ou les réponses acceptées, séparées par |", "<blank> with no answer: write the accepted answer(s), separated by |"},
    {"Q009", E, "un <check> contient exactement une question", "a <check> holds exactly one question"},

    // G: scenario graph
    {"G001", E, "scène « {0} » inatteignable depuis le début « {1} »", "scene \"{0}\" cannot be reached from the start \"{1}\""},
    {"G002", E, "depuis la scène « {0} », aucune fin n'est atteignable", "no ending can be reached from scene \"{0}\""},
    {"G003", E, "scène « {0} » sans option : ajoutez au moins une <option goto=…>", "scene \"{0}\" has no option: add at least one <option goto=…>"},
    {"G004", E, "scénario « {0} » sans fin : ajoutez au moins une <ending>", "scenario \"{0}\" has no ending: add at least one <ending>"},
    {"G005", W, "scénario « {0} » trop ramifié pour calculer le meilleur score exact (limite {1} chemins)", "scenario \"{0}\" branches too much to compute the exact best score (limit {1} paths)"},
    {"G006", W, "fin « {0} » inatteignable depuis le début « {1} »", "ending \"{0}\" cannot be reached from the start \"{1}\""},

    // P: pages
    {"P001", W, "page « {0} » sans texte", "page \"{0}\" has no text"},

    // C: course
    {"C001", E, "le dossier « {0} » ne contient pas de course.xml", "folder \"{0}\" has no course.xml"},
    {"C002", W, "dossier « {0} » ignoré : il ne contient aucun cours (course.xml)", "folder \"{0}\" skipped: it holds no course (course.xml)"},
};

// Fragments: translated pieces substituted into the messages above. `severity` is unused.
constexpr DiagnosticInfo kFragments[] = {
    {"didyoumean", E, " — vouliez-vous dire « {0} » ?", " — did you mean \"{0}\"?"},
    {"didyoumean-el", E, " — vouliez-vous dire <{0}> ?", " — did you mean <{0}>?"},
    {"allowed", E, " (permis : {0})", " (allowed: {0})"},
    {"int-expected", E, "nombre entier attendu", "a whole number is expected"},
    {"range", E, "entre {0} et {1}", "from {0} to {1}"},
    {"points-expected", E, "nombre positif jusqu’à 1000 attendu (ex. 1 ou 0.5)", "a positive number up to 1000 is expected (e.g. 1 or 0.5)"},
    {"one-of", E, "valeurs permises : {0}", "allowed values: {0}"},
    {"date-expected", E, "date au format AAAA-MM-JJ attendue", "a date in the form YYYY-MM-DD is expected"},
    {"a-question", E, "une question (<single>, <multiple>, <truefalse>, <order>, <match> ou <gaps>)", "a question (<single>, <multiple>, <truefalse>, <order>, <match> or <gaps>)"},
    {"lang-expected", E, "code de langue attendu (fr, en, fr-FR…)", "a language code is expected (fr, en, fr-FR…)"},
    {"xml-parse-attribute", E, "attribut mal écrit (guillemets droits \" ou ', un seul attribut de chaque nom)", "malformed attribute (straight quotes \" or ', each attribute once)"},
    {"xml-parse-element", E, "élément mal écrit", "malformed element"},
    {"xml-parse-text", E, "texte mal formé", "malformed text"},
    {"xml-parse", E, "structure XML incorrecte", "incorrect XML structure"},
    {"no-root", E, "aucun élément racine", "no root element"},
    {"not-a-file", E, "ce n’est pas un fichier", "not a regular file"},
    {"read-error", E, "erreur de lecture", "read error"},
    {"nothing", E, "aucun élément", "no element"},
    {"at-least-one", E, "au moins un élément {0}", "at least one {0} element"},
    {"choices", E, "choix <choice>", "<choice> elements"},
    {"items", E, "éléments <item>", "<item> elements"},
    {"pairs", E, "paires <pair>", "<pair> elements"},
    {"options", E, "options <option>", "<option> elements"},
};
// clang-format on

} // namespace

const DiagnosticInfo* findFragment(const std::string& key) {
    for (const DiagnosticInfo& info : kFragments)
        if (key == info.code)
            return &info;
    return nullptr;
}

std::span<const DiagnosticInfo> diagnosticCatalog() {
    return kCatalog;
}

const DiagnosticInfo* findDiagnosticInfo(const std::string& code) {
    for (const DiagnosticInfo& info : kCatalog)
        if (code == info.code)
            return &info;
    return nullptr;
}

} // namespace cordee::core
