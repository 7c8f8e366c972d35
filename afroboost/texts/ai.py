"""Coach card « Agent IA » (state/coach/ai.py, components/coach/ai.py): what the assistant adds, its Twint link."""

from __future__ import annotations

AI_CARD_TITLE = "🤖 Agent IA"
AI_CARD_HINT = "Ce que l'assistant « Coach Bassi » doit savoir en plus, et le lien Twint qu'il propose aux acheteurs."
AI_CAMPAIGN_PROMPT = "Prompt de campagne (prioritaire)"
AI_CAMPAIGN_HINT = ("Ajouté en dernier, il passe avant les règles par défaut (liens STANDARD). "
                    "Ex. « Mets en avant le stage du 12 décembre. »")
AI_TWINT = "💳 Lien de paiement Twint"
AI_TWINT_EMPTY = "⚠️ Aucun lien Twint : l'assistant renverra les acheteurs vers toi."
AI_ENABLED = "Assistant IA activé"
AI_NOTIFY = "Notifier aussi les réponses IA"
AI_SAVED = "Réglages de l'agent IA enregistrés."
