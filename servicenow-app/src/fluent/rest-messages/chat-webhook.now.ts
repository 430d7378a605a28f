import '@servicenow/sdk/global'
import { RestMessage } from '@servicenow/sdk/core'

// The sev-1 chat post. The endpoint is a placeholder: src/server/clients/webhook.ts sets the
// incoming-webhook URL at call time from the password2 property x_seam_bridge.alerts.webhook_url
// (the URL is the secret: Slack and Teams webhooks carry no other credential). Nothing secret here.
export const chatWebhookMessage = RestMessage({
    $id: Now.ID['rest_message_chat_webhook'],
    name: 'Seam Chat Webhook',
    endpoint: 'https://hooks.example.com/seam',
    description: 'Sev-1 alert to a chat channel through an incoming webhook (Slack or Microsoft Teams payload).',
    authenticationType: 'noAuthentication',
    access: 'packagePrivate',
    headers: [
        { $id: Now.ID['rest_chat_h_ct'], name: 'Content-Type', value: 'application/json' },
    ],
    functions: [
        { name: 'post', httpMethod: 'POST', endpoint: 'https://hooks.example.com/seam' },
    ],
})
