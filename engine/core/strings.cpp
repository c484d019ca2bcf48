#include "core/strings.hpp"

#include <array>

namespace cordee::core {
namespace {

struct Pair {
    const char* fr;
    const char* en;
};

constexpr std::array<Pair, static_cast<size_t>(Str::Count)> kStrings = {{
    {"Cordée", "Cordée"},
    {"Catalogue des formations", "Course catalogue"},
    {"Choisissez une formation pour commencer ou reprendre.",
     "Choose a course to start or resume."},
    {"Aucune formation trouvée dans ce dossier.", "No course found in this folder."},
    {"min", "min"},
    {"Commencer", "Start"},
    {"Reprendre", "Resume"},
    {"Recommencer", "Start again"},
    {"Objectifs", "Objectives"},
    {"Modules", "Modules"},
    {"Module", "Module"},
    {"Leçon", "Lesson"},
    {"Quiz", "Quiz"},
    {"Cas pratique", "Case study"},
    {"pages", "pages"},
    {"questions", "questions"},
    {"Verrouillé", "Locked"},
    {"Terminez d’abord : {}", "Finish first: {}"},
    {"Précédent", "Previous"},
    {"Suivant", "Next"},
    {"Sommaire", "Contents"},
    {"Glossaire", "Glossary"},
    {"Réglages", "Settings"},
    {"Aide", "Help"},
    {"Fermer", "Close"},
    {"Accueil", "Home"},
    {"Retour", "Back"},
    {"Page {} / {}", "Page {} of {}"},
    {"Module : {} / {} terminé(s)", "Module: {} of {} done"},
    {"Formation terminée", "Course complete"},
    {"Fin de la formation", "End of the course"},
    {"Taille du texte", "Text size"},
    {"Thème", "Theme"},
    {"Clair", "Light"},
    {"Sombre", "Dark"},
    {"Contraste élevé", "High contrast"},
    {"Police", "Font"},
    {"Standard", "Standard"},
    {"OpenDyslexic", "OpenDyslexic"},
    {"Langue de l’interface", "Interface language"},
    {"Français", "Français"},
    {"English", "English"},
    {"Raccourcis clavier", "Keyboard shortcuts"},
    {"Tab / Maj+Tab\tPasser d’un élément à l’autre\n"
     "Entrée / Espace\tActiver l’élément sélectionné\n"
     "→ / ←\tPage suivante / précédente\n"
     "↑ / ↓, Page préc. / suiv., Espace\tFaire défiler la page\n"
     "Origine\tRevenir au catalogue\n"
     "Échap\tFermer un panneau, ou revenir en arrière\n"
     "Ctrl + / Ctrl −\tAgrandir / réduire le texte\n"
     "F1\tAfficher cette aide",
     "Tab / Shift+Tab\tMove between items\n"
     "Enter / Space\tActivate the selected item\n"
     "→ / ←\tNext / previous page\n"
     "↑ / ↓, Page Up / Down, Space\tScroll the page\n"
     "Home\tBack to the catalogue\n"
     "Esc\tClose a panel, or go back\n"
     "Ctrl + / Ctrl −\tLarger / smaller text\n"
     "F1\tShow this help"},
    {"Question d’auto-vérification", "Knowledge check"},
    {"Réflexion personnelle", "Personal reflection"},
    {"Quiz : {} questions", "Quiz: {} questions"},
    {"Cas pratique à embranchements", "Branching case study"},
    {"Information", "Information"},
    {"À retenir", "Key point"},
    {"Texte de loi", "Legal text"},
    {"Exemple", "Example"},
    {"Attention", "Warning"},
    {"Public", "Audience"},
    {"Durée", "Duration"},
    {"Source", "Source"},
    {"Image indisponible", "Image unavailable"},
    {"(lien désactivé sur ce poste)", "(link disabled on this device)"},
    {"Terme", "Term"},
    {"Mes résultats", "My results"},
    {"Progression en attente d’enregistrement.", "Progress waiting to be saved."},
    {"Votre progression n’est pas enregistrée : le fichier est en lecture seule.",
     "Your progress is not being saved: the file is read-only."},
    {"Votre progression n’est pas enregistrée : espace disque plein. Vos réponses sont "
     "gardées et seront enregistrées dès que possible.",
     "Your progress is not being saved: the disk is full. Your answers are kept and will be "
     "saved as soon as possible."},
    {"Votre progression attend : le fichier est verrouillé par un autre programme. Vos "
     "réponses sont gardées et seront enregistrées dès qu’il sera libéré.",
     "Your progress is waiting: the file is locked by another program. Your answers are kept "
     "and will be saved as soon as it is released."},
    {"Votre progression n’est pas enregistrée : le fichier de progression est abîmé.",
     "Your progress is not being saved: the progress file is damaged."},
    {"Votre progression n’est pas enregistrée : ce fichier n’est pas un fichier de progression "
     "que ce lecteur sait écrire.",
     "Your progress is not being saved: this is not a progress file this player can write."},
    {"Votre progression n’est pas enregistrée : le fichier de progression ne peut pas être "
     "ouvert.",
     "Your progress is not being saved: the progress file cannot be opened."},
}};

} // namespace

const char* tr(Str s, Lang lang) {
    const Pair& p = kStrings[static_cast<size_t>(s)];
    return lang == Lang::En ? p.en : p.fr;
}

} // namespace cordee::core
