"""Articles: coach tab (state/coach/articles.py) and the public /articles pages (pages/articles.py)."""

from __future__ import annotations

from afroboost.texts.common import ERR

ART_TAB = "📰 Articles"
ART_NEW = "+ Nouvel article"
ART_EMPTY = "Aucun article pour le moment : écris le premier !"
ART_FORM_NEW = "Nouvel article"
ART_FORM_EDIT = "Modifier l'article"
ART_SLUG_HINT = "Rempli depuis le titre, modifiable. Minuscules, chiffres et tirets : /articles/…"
ART_SUMMARY = "Résumé"
ART_SUMMARY_HINT = "Deux ou trois phrases affichées dans la liste des articles (500 caractères maximum)."
ART_BODY = "Contenu (Markdown)"
ART_BODY_HINT = ("Markdown : **gras**, *italique*, ## intertitre, - liste, [lien](https://…). "
                 "Le HTML n'est pas interprété : il s'affiche tel quel.")
ART_PREVIEW = "Aperçu"
ART_COVER = "Image de couverture"
ART_PUBLISHED = "Publié"
ART_DRAFT = "Brouillon"
ART_PUBLISH = "Publier l'article (visible sur /articles)"
ART_SAVED = "Article enregistré."
ART_DELETED = "Article supprimé."

ARTICLES_TITLE = "Articles"
ARTICLES_PITCH = "Conseils, nouvelles et coulisses d'Afroboost."
ARTICLES_EMPTY = "Aucun article publié pour le moment. Reviens bientôt !"
ARTICLE_READ = "Lire l'article →"
ARTICLE_ALL = "← Tous les articles"
ARTICLE_PUBLISHED_ON = "Publié le "
ARTICLE_NOT_FOUND_TITLE = "Article introuvable"
ARTICLE_NOT_FOUND = "Cet article n'existe pas ou n'est plus en ligne."

ERR.update({
    "article_slug_invalid": ("Adresse invalide : uniquement des lettres minuscules sans accents, des chiffres "
                             "et des tirets (120 caractères maximum)."),
    "article_unknown": "Cet article n'existe plus (supprimé entre-temps ?).",
})
