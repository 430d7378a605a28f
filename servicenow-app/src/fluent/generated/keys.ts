import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    acl_accuracy_read: {
                        table: 'sys_security_acl'
                        id: '447eca80cd514b69a282fe01bc178f8c'
                    }
                    acl_accuracy_write: {
                        table: 'sys_security_acl'
                        id: '00a8e6bd17974cde81490395facc0bc0'
                    }
                    acl_attachment_create: {
                        table: 'sys_security_acl'
                        id: '9556cfc60b474e70bc75bf5f6ccbec85'
                    }
                    acl_attachment_read: {
                        table: 'sys_security_acl'
                        id: '83a3343d365c444ebd9346bac4c406b6'
                    }
                    acl_attachment_write: {
                        table: 'sys_security_acl'
                        id: 'f0f9cde6ff154fd9a3a2d1be43d7c790'
                    }
                    acl_audit_create: {
                        table: 'sys_security_acl'
                        id: '9acde07742c64d4aa305d71e959537f1'
                    }
                    acl_audit_read: {
                        table: 'sys_security_acl'
                        id: '3dc3b0db2389451d88b8db4b2a7b53a3'
                    }
                    acl_customer_cache_read: {
                        table: 'sys_security_acl'
                        id: 'e6b401bc98ee49778ab83d42d869c73b'
                    }
                    acl_kb_suggestion_create: {
                        table: 'sys_security_acl'
                        id: '5f814212a9f14918aa04592b7af93e39'
                    }
                    acl_kb_suggestion_delete: {
                        table: 'sys_security_acl'
                        id: '01af3d5fd3ac4a8da6779fab99f31a48'
                    }
                    acl_kb_suggestion_read: {
                        table: 'sys_security_acl'
                        id: '99672fb71d2444dfb265b8865e1d9eb8'
                    }
                    acl_kb_suggestion_write: {
                        table: 'sys_security_acl'
                        id: '953087eea35b47e0a23cc503363fd2f6'
                    }
                    acl_link_create: {
                        table: 'sys_security_acl'
                        id: 'fcc6cadcab974f738cce04f836ee7605'
                    }
                    acl_link_delete: {
                        table: 'sys_security_acl'
                        id: '7fe0cbbbca0a434b8a635ec550dc91d7'
                    }
                    acl_link_read: {
                        table: 'sys_security_acl'
                        id: '89395ae439a24f47892880147c8787ce'
                    }
                    acl_link_write: {
                        table: 'sys_security_acl'
                        id: 'caab01763bf5465bbb9fce9190ba843b'
                    }
                    acl_metric_snapshot_read: {
                        table: 'sys_security_acl'
                        id: '24b7ee63899a4abd95d1007b6d419e65'
                    }
                    acl_ops_state_read: {
                        table: 'sys_security_acl'
                        id: '6d3447830c60450facecd0dea5e21547'
                    }
                    acl_outbox_create: {
                        table: 'sys_security_acl'
                        id: 'd12a4490626f493cb74f239c2529bac8'
                    }
                    acl_outbox_delete: {
                        table: 'sys_security_acl'
                        id: '135d0913acee45fca252526f00551a7f'
                    }
                    acl_outbox_read: {
                        table: 'sys_security_acl'
                        id: '7386b0e9b3f94ade90d6550d2c882660'
                    }
                    acl_outbox_write: {
                        table: 'sys_security_acl'
                        id: '66cdcb2a779142199f5d5393366e0891'
                    }
                    acl_reconcile_run_read: {
                        table: 'sys_security_acl'
                        id: '7a9c84434d234053a236abe8f9144e66'
                    }
                    acl_rest_seam_api: {
                        table: 'sys_security_acl'
                        id: '0c4987b7839f43afa199bf7d2a4c6adb'
                    }
                    acl_review_create: {
                        table: 'sys_security_acl'
                        id: '5b1031720e2b40269e1d0384f7265346'
                    }
                    acl_review_delete: {
                        table: 'sys_security_acl'
                        id: '309d65e183104d398ec167e1258ee786'
                    }
                    acl_review_read: {
                        table: 'sys_security_acl'
                        id: 'f9ace5c0a0184f339e4a3669b8c6581a'
                    }
                    acl_review_write: {
                        table: 'sys_security_acl'
                        id: '1d0735297aaf4ec789ed8d62efd90369'
                    }
                    acl_routing_change_create: {
                        table: 'sys_security_acl'
                        id: 'fffde06a86804b7582b1632835fec892'
                    }
                    acl_routing_change_delete: {
                        table: 'sys_security_acl'
                        id: 'ea237b08f3fa4f3faa6e8975c663e062'
                    }
                    acl_routing_change_read: {
                        table: 'sys_security_acl'
                        id: '6bdb5d5330a04677bd92d3a2985ecd6a'
                    }
                    acl_routing_change_write: {
                        table: 'sys_security_acl'
                        id: 'e76733a82b28495ca7c2b93ca0e81fde'
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: 'd40c7c55f81e4959a6885ab6dfa03c57'
                    }
                    br_approval_decided: {
                        table: 'sys_script'
                        id: 'e710c445d3ce40e78e0a8b08fd59afc3'
                    }
                    br_attachment_sync: {
                        table: 'sys_script'
                        id: '073b417036f4493187dab694fbba7518'
                    }
                    br_escalation_assess: {
                        table: 'sys_script'
                        id: 'befb372c0b254d32a63d0e51c07acad8'
                    }
                    br_incident_sync: {
                        table: 'sys_script'
                        id: '24b287458e64496d9b0e97d5624f74be'
                    }
                    br_journal_sync: {
                        table: 'sys_script'
                        id: 'f2bb7f721d00482abe2d81b1dcba3c27'
                    }
                    br_knowledge_learning: {
                        table: 'sys_script'
                        id: '48d388e9e46846cfbd527142680681cd'
                    }
                    br_major_incident: {
                        table: 'sys_script'
                        id: '6d3eaa6a6505448481b2ccd2b62cf4a7'
                    }
                    br_problem_sync: {
                        table: 'sys_script'
                        id: '3f2e4047aa2b49afb3531dc9f451fa90'
                    }
                    br_resolution_summary: {
                        table: 'sys_script'
                        id: '3074c0f58f7a4eff9ce8f5ad04bd9296'
                    }
                    br_review_decided: {
                        table: 'sys_script'
                        id: '2dc0b4f167a946d69587784c62f8a23d'
                    }
                    br_routing_change: {
                        table: 'sys_script'
                        id: '4531580aad444093a2e7c3c962b74cbc'
                    }
                    br_sla_risk: {
                        table: 'sys_script'
                        id: '54593710cf61414f96421e28a0059399'
                    }
                    br_triage_queued: {
                        table: 'sys_script'
                        id: '65dec6a867074d99bd5afb919799bf23'
                    }
                    csp_kb_knowledge_create: {
                        table: 'sys_scope_privilege'
                        id: '96759cd72e2f47db89659abd5e57c50e'
                    }
                    csp_kb_knowledge_read: {
                        table: 'sys_scope_privilege'
                        id: '3b6ba69961d143079c5cbb756629b748'
                    }
                    event_outbox_drain: {
                        table: 'sysevent_register'
                        id: 'f5ed82e74aff4e01a66b8ee84df68074'
                    }
                    event_triage_drift: {
                        table: 'sysevent_register'
                        id: '0ce4251092fa4d2c960a6b95987c9c5a'
                    }
                    job_accuracy_sample: {
                        table: 'sysauto_script'
                        id: '86615d3f05c243ceab1c4102dcf6dbc2'
                    }
                    job_attachment_send: {
                        table: 'sysauto_script'
                        id: 'd21cafa1b5494236b3b640a622ef37e1'
                    }
                    job_knowledge_gaps: {
                        table: 'sysauto_script'
                        id: 'bdece5bbde59472882223a169fe3d9b4'
                    }
                    job_metrics_snapshot: {
                        table: 'sysauto_script'
                        id: 'af44b4e1eb264a93be0106133132aae4'
                    }
                    job_outbox_drain: {
                        table: 'sysauto_script'
                        id: '57daa16592d74b54b1b2387be8175099'
                    }
                    job_reconcile: {
                        table: 'sysauto_script'
                        id: '148b2ea65be14ffa97fe150d56786200'
                    }
                    job_sla_risk_sweep: {
                        table: 'sysauto_script'
                        id: '5242369be6b74c8892c8cedeb102274e'
                    }
                    menu_accuracy_reviews: {
                        table: 'sys_app_module'
                        id: '25760dd38e844d05a373bba1f7eecaa7'
                    }
                    menu_audit: {
                        table: 'sys_app_module'
                        id: '3bb32e17dda74ff1979a1d09c8c16592'
                    }
                    menu_dead_letters: {
                        table: 'sys_app_module'
                        id: 'cdc68c6961c941d899c63a872571c0a6'
                    }
                    menu_held: {
                        table: 'sys_app_module'
                        id: '1193006c646943d6a807692afd7112ea'
                    }
                    menu_links: {
                        table: 'sys_app_module'
                        id: 'b1ef48cfe8cd4045b5079f81b0718e4e'
                    }
                    menu_metric_snapshots: {
                        table: 'sys_app_module'
                        id: '1384e574b317426781958c5e41c76659'
                    }
                    menu_outbox: {
                        table: 'sys_app_module'
                        id: '03fb46b427994cb889c37bb09c142593'
                    }
                    menu_properties: {
                        table: 'sys_app_module'
                        id: '36b9027460444aef90eacb66c1719b9f'
                    }
                    menu_reconcile_runs: {
                        table: 'sys_app_module'
                        id: 'dc3bf549309a486b9d689a4df3a37ba7'
                    }
                    menu_reviews: {
                        table: 'sys_app_module'
                        id: 'ead941c98f854e4b9b3b345469cc428b'
                    }
                    menu_routing_changes: {
                        table: 'sys_app_module'
                        id: '16673f00314d4eaa967fd859e38f0a38'
                    }
                    menu_seam_bridge: {
                        table: 'sys_app_application'
                        id: '8cedd2bd47b445cda6ad520c45ebdd69'
                    }
                    menu_status: {
                        table: 'sys_app_module'
                        id: 'c925a61bd3884e4fa36002daa83a9aaf'
                    }
                    notification_triage_drift: {
                        table: 'sysevent_email_action'
                        id: 'f0c937be9ee045b0aea1a06c38f2bbed'
                    }
                    oauth_entity_profile_salesforce: {
                        table: 'oauth_entity_profile'
                        id: 'e4fc6c3df3a1477d8f171e82439d92cb'
                    }
                    oauth_entity_salesforce: {
                        table: 'oauth_entity'
                        id: '58850f8858e84266a2341ec04ba00dc3'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '826e26ae21fe4591b6393aab0ded5e41'
                    }
                    prop_accuracy_sample: {
                        table: 'sys_properties'
                        id: '6400351de89549e4b92ddfcc524d6d36'
                    }
                    prop_alerts_enabled: {
                        table: 'sys_properties'
                        id: '95e8373c97a5448fa451ae7e1cef2bcf'
                    }
                    prop_alerts_format: {
                        table: 'sys_properties'
                        id: '72206f5754374d1e9f17ebc58d692a8b'
                    }
                    prop_alerts_high_value: {
                        table: 'sys_properties'
                        id: '3ced0f8287614ffab0e032c4418cb50b'
                    }
                    prop_alerts_webhook_url: {
                        table: 'sys_properties'
                        id: '3b73f6e42953490a986e7ea1dff554cf'
                    }
                    prop_approval_group: {
                        table: 'sys_properties'
                        id: '60e124ef025540e792f478521402a9ca'
                    }
                    prop_attachments_enabled: {
                        table: 'sys_properties'
                        id: '405e4d4b2962437094c87a809cb9ef0b'
                    }
                    prop_attachments_max_bytes: {
                        table: 'sys_properties'
                        id: 'e5db984bab984882b14cc2c544b21259'
                    }
                    prop_attachments_types: {
                        table: 'sys_properties'
                        id: 'a7846e896bba49428d5c8f01afe77c1e'
                    }
                    prop_backoff_base: {
                        table: 'sys_properties'
                        id: 'fb3c0097184c4f9c9a545fce97da186e'
                    }
                    prop_backoff_max: {
                        table: 'sys_properties'
                        id: '4e26f9d6600045a39f8f10b818dfc4e9'
                    }
                    prop_batch_size: {
                        table: 'sys_properties'
                        id: 'db58ed7886d643e1aea81e312b93cd7c'
                    }
                    prop_batches_per_run: {
                        table: 'sys_properties'
                        id: '63348a37328f4945a8006b878bcc0a20'
                    }
                    prop_budget_slow: {
                        table: 'sys_properties'
                        id: '6c2a4468df184e1e933192fd59992427'
                    }
                    prop_budget_slow_calls: {
                        table: 'sys_properties'
                        id: '5d77e8c8addc44728e8ad5d574da8f9f'
                    }
                    prop_budget_stop: {
                        table: 'sys_properties'
                        id: '62d298d081c24fd18bc561bdbafe96bf'
                    }
                    prop_customer_context_cache: {
                        table: 'sys_properties'
                        id: '917a598b6b50415091e767c395550618'
                    }
                    prop_drift_baseline: {
                        table: 'sys_properties'
                        id: 'dc1ca4c8d4964d098f4f3f2bdb964118'
                    }
                    prop_drift_confidence_drop: {
                        table: 'sys_properties'
                        id: 'c44981a0a6a34d0a980511377e4387d9'
                    }
                    prop_drift_enabled: {
                        table: 'sys_properties'
                        id: 'd6767283a4e04fd9b9438bff7b240965'
                    }
                    prop_drift_review_rise: {
                        table: 'sys_properties'
                        id: '14678e03abe5402a929692e5af8bf835'
                    }
                    prop_drift_unknown_below: {
                        table: 'sys_properties'
                        id: '70e8738add9740fc9c05dc7bf84208bd'
                    }
                    prop_drift_unknown_rise: {
                        table: 'sys_properties'
                        id: '708d735ee9b34872a583bfc5f2571382'
                    }
                    prop_drift_window: {
                        table: 'sys_properties'
                        id: '105fedef6cd44e54b82915be32024068'
                    }
                    prop_escalation_approval: {
                        table: 'sys_properties'
                        id: '3c8efb2db93e47399aed124bec572cf6'
                    }
                    prop_escalation_auto: {
                        table: 'sys_properties'
                        id: '0c94109a7b3d4e5faeb7adb42351fcea'
                    }
                    prop_escalation_enabled: {
                        table: 'sys_properties'
                        id: 'c22980e4606644c88d21e0c99cda12b5'
                    }
                    prop_escalation_groups: {
                        table: 'sys_properties'
                        id: '00bd9dca88184c5580f20753e6633eed'
                    }
                    prop_escalation_model: {
                        table: 'sys_properties'
                        id: 'abf55fd61afa497ab8c3087e6a6087f1'
                    }
                    prop_escalation_review: {
                        table: 'sys_properties'
                        id: '9d6e3e5afc884367aa467fe69e438085'
                    }
                    prop_inbound_enabled: {
                        table: 'sys_properties'
                        id: 'f09a924ad97049aca3a0f356b541c164'
                    }
                    prop_inbound_triage_budget: {
                        table: 'sys_properties'
                        id: 'f20ab74c4d49423a9caa344ed4462a8c'
                    }
                    prop_knowledge_enabled: {
                        table: 'sys_properties'
                        id: 'f0316d107c2247d283f72c4d5ed6df81'
                    }
                    prop_knowledge_learn: {
                        table: 'sys_properties'
                        id: 'ba51678785b545e29d286389b76b3244'
                    }
                    prop_major_enabled: {
                        table: 'sys_properties'
                        id: '472dc7838535433abe996902bb0dbb83'
                    }
                    prop_major_services: {
                        table: 'sys_properties'
                        id: 'bfa4d00535814ad9854b62d0e2d4d70c'
                    }
                    prop_max_attempts: {
                        table: 'sys_properties'
                        id: 'e261739d8fb648c38bb3968305dfedb0'
                    }
                    prop_metrics_window: {
                        table: 'sys_properties'
                        id: '8f27a0b558b147aa8f7c6029b4dfc9b8'
                    }
                    prop_outbox_debounce: {
                        table: 'sys_properties'
                        id: '5d0c3b1e9a7f4c2e8b6d41f0a3c7e912'
                    }
                    prop_outbox_receipt_window: {
                        table: 'sys_properties'
                        id: '95959cf6fe8a40f79a1808427d3c15f9'
                    }
                    prop_poll_settle: {
                        table: 'sys_properties'
                        id: '0eb96f81613145cab961f591224932e8'
                    }
                    prop_proxy_key: {
                        table: 'sys_properties'
                        id: '00b8c78bec4e4355ba9628f6cf575cc1'
                    }
                    prop_proxy_mid: {
                        table: 'sys_properties'
                        id: '2435b48cee7845279ab570a86c0caff7'
                    }
                    prop_proxy_timeout: {
                        table: 'sys_properties'
                        id: '9faeb50f8f8a48289e4007c7edf562f2'
                    }
                    prop_proxy_url: {
                        table: 'sys_properties'
                        id: '21a5374cfa274ce3876cff83e1769499'
                    }
                    prop_reconcile_batches: {
                        table: 'sys_properties'
                        id: 'bd2d4aef05f046639bfa94325dcf8f67'
                    }
                    prop_reconcile_enabled: {
                        table: 'sys_properties'
                        id: 'a3378df357204bae814da7d41d31b0bb'
                    }
                    prop_reconcile_interval: {
                        table: 'sys_properties'
                        id: 'e7d6bb736c7d412b96c2ae11fb4ef021'
                    }
                    prop_reconcile_window: {
                        table: 'sys_properties'
                        id: 'c9e1971d7074418081148cd3832abc87'
                    }
                    prop_resolution_approval: {
                        table: 'sys_properties'
                        id: '987417c3bed0493bab4ec56c5d5bd399'
                    }
                    prop_resolution_enabled: {
                        table: 'sys_properties'
                        id: '380bee09fe294f45a2a78b53608828e0'
                    }
                    prop_salesforce_delivery: {
                        table: 'sys_properties'
                        id: 'e68d0a6d6eac43048c70fd1523bf8eef'
                    }
                    prop_salesforce_mid: {
                        table: 'sys_properties'
                        id: 'aa80b10570334c658fd9d12bbd10206a'
                    }
                    prop_sf_url: {
                        table: 'sys_properties'
                        id: 'eb0a490e12914d55ab9cdb4a9891f2c4'
                    }
                    prop_sf_version: {
                        table: 'sys_properties'
                        id: '1e78b63df54d4a28a8242d65a600b2f7'
                    }
                    prop_sla_risk_enabled: {
                        table: 'sys_properties'
                        id: '86be799806c64cfbacc71be6b7d77d4e'
                    }
                    prop_sla_risk_sweep_batch: {
                        table: 'sys_properties'
                        id: '58e15b3a93c4450bac76220a507e3ac5'
                    }
                    prop_sla_risk_sweep_stale: {
                        table: 'sys_properties'
                        id: '5ea2141815d54c78a4c72ba1a100f4c8'
                    }
                    prop_sla_risk_threshold: {
                        table: 'sys_properties'
                        id: 'a3d3a5ed8b1c4813ab9cdac9ac58b1cb'
                    }
                    prop_sync_enabled: {
                        table: 'sys_properties'
                        id: 'eb8e77d73cac4450b20965f53d71ac9a'
                    }
                    prop_triage_approval_prios: {
                        table: 'sys_properties'
                        id: '1b67cebe1ca3471ca5dbf4e049e9454d'
                    }
                    prop_triage_auto_create: {
                        table: 'sys_properties'
                        id: '04d2391b0bfa4cfc88a26cf513520025'
                    }
                    prop_triage_enabled: {
                        table: 'sys_properties'
                        id: 'd214eef1ab824d19b046ee9bad34b837'
                    }
                    prop_triage_review_below: {
                        table: 'sys_properties'
                        id: 'bc313deb6cc047ce99c30e93d00ac05b'
                    }
                    rest_chat_h_ct: {
                        table: 'sys_rest_message_headers'
                        id: 'a424dae9a1124a1ead06ba5b51a76acc'
                    }
                    rest_message_chat_webhook: {
                        table: 'sys_rest_message'
                        id: 'af174471b1054d3bb9262b9d70927493'
                    }
                    rest_message_proxy: {
                        table: 'sys_rest_message'
                        id: '26061b440e4c46abac4f726c2415d8f2'
                    }
                    rest_message_salesforce: {
                        table: 'sys_rest_message'
                        id: 'f2fc739225b44ad19190fd601eb86fd3'
                    }
                    rest_proxy_h_accept: {
                        table: 'sys_rest_message_headers'
                        id: '024e2ad209b1480b88db4131ae058b86'
                    }
                    rest_proxy_h_ct: {
                        table: 'sys_rest_message_headers'
                        id: '53180e020bfb4ef48749f6ef75642b1d'
                    }
                    rest_seam_api: {
                        table: 'sys_ws_definition'
                        id: 'acd6f116a39d4643abd97b7d73809465'
                    }
                    rest_seam_attachments: {
                        table: 'sys_ws_operation'
                        id: '1ac5f78a26cf478ca9391d63a2cc2160'
                    }
                    rest_seam_backfill_links: {
                        table: 'sys_ws_operation'
                        id: '5eea28cafd114808b457cdb8bf3b71d0'
                    }
                    rest_seam_cases: {
                        table: 'sys_ws_operation'
                        id: '521e045d4abc44b3a0b7b273b56fabba'
                    }
                    rest_seam_changes: {
                        table: 'sys_ws_operation'
                        id: '70966bd5c35c4586b55def1652b34d4e'
                    }
                    rest_seam_changes_cursor: {
                        table: 'sys_ws_query_parameter'
                        id: '237731713a05426082f680c85f57d93a'
                    }
                    rest_seam_changes_limit: {
                        table: 'sys_ws_query_parameter'
                        id: '1c107b23401e439fa5a066b8e3e66d57'
                    }
                    rest_seam_comments: {
                        table: 'sys_ws_operation'
                        id: '1e0852fd4a7f4e96ac6a37bf24e1d042'
                    }
                    rest_seam_knowledge_answer: {
                        table: 'sys_ws_operation'
                        id: '0fe201a9a4dd40609e56432624dfcb22'
                    }
                    rest_seam_link: {
                        table: 'sys_ws_operation'
                        id: '5e79d6cfc832480bbc9893bef056b18b'
                    }
                    rest_seam_link_case: {
                        table: 'sys_ws_query_parameter'
                        id: '26d3c7b3be9c4dcda96795b53ff22961'
                    }
                    rest_seam_metrics: {
                        table: 'sys_ws_operation'
                        id: '5443f81edeac4a74a414bde00795b190'
                    }
                    rest_seam_reconcile_start: {
                        table: 'sys_ws_operation'
                        id: 'e9d63447ba8a4add88d195cf985eddfb'
                    }
                    rest_seam_reconcile_status: {
                        table: 'sys_ws_operation'
                        id: 'f71c65ceb8e044d9b74735ee9a9b7075'
                    }
                    rest_seam_test_connection: {
                        table: 'sys_ws_operation'
                        id: '6339597cab6b43dfaae7d68c2871bf21'
                    }
                    rest_sf_h_accept: {
                        table: 'sys_rest_message_headers'
                        id: '3920595b53074a68901193bbbeba5de2'
                    }
                    rest_sf_h_ct: {
                        table: 'sys_rest_message_headers'
                        id: '5bc79bf57dad41d197d2d80f82bce953'
                    }
                    sa_outbox_drain: {
                        table: 'sysevent_script_action'
                        id: '76d393aacf5e4c71aefafd60b50a14a9'
                    }
                    'src_server_adapters_glide-attachments_ts': {
                        table: 'sys_module'
                        id: 'aeb40c45b3b843e19aa2f49f9f3e84d7'
                    }
                    'src_server_adapters_glide-http_ts': {
                        table: 'sys_module'
                        id: '220b3e3cde0642a7ab90d0a4ba7cc8d4'
                    }
                    'src_server_adapters_glide-records_ts': {
                        table: 'sys_module'
                        id: '319a53f1d0644c0297a9af27895551a3'
                    }
                    'src_server_adapters_glide-system_ts': {
                        table: 'sys_module'
                        id: '36100994685545e2b8ae932c1fa1ef3f'
                    }
                    'src_server_adapters_glide-trigger_ts': {
                        table: 'sys_module'
                        id: 'fc127c6209fd4884bbdf349ab2d79633'
                    }
                    src_server_adapters_runtime_ts: {
                        table: 'sys_module'
                        id: '9f9812fe8c734899be78da571223e832'
                    }
                    src_server_api_cases_ts: {
                        table: 'sys_module'
                        id: 'b9781ff242514f89b31dff92c506e449'
                    }
                    src_server_api_changes_ts: {
                        table: 'sys_module'
                        id: '5dda699210cd448694ab749647617d08'
                    }
                    src_server_api_comments_ts: {
                        table: 'sys_module'
                        id: '8ad1fbfc940a4db893b9129a21b0eb9b'
                    }
                    src_server_api_http_ts: {
                        table: 'sys_module'
                        id: '1d02da08076b457181d0472147e6aa12'
                    }
                    src_server_api_knowledge_ts: {
                        table: 'sys_module'
                        id: '1b4b226da14c43d18d6b9261cf9a15af'
                    }
                    src_server_api_links_ts: {
                        table: 'sys_module'
                        id: '0b3309407f0e4905ad8cd3e54679cd63'
                    }
                    src_server_api_metrics_ts: {
                        table: 'sys_module'
                        id: '95535bc7d57b4b33a1713d694d4df8ec'
                    }
                    src_server_attachments_attachments_ts: {
                        table: 'sys_module'
                        id: 'ddcec141849348bc94fdb3ae30b66994'
                    }
                    src_server_attachments_inbound_ts: {
                        table: 'sys_module'
                        id: '63442c9133ee4b2285cb48c259a5f419'
                    }
                    src_server_attachments_outbound_ts: {
                        table: 'sys_module'
                        id: 'c7fabda0226a4721925575cb090b99e8'
                    }
                    'src_server_attachments_prompt-text_ts': {
                        table: 'sys_module'
                        id: '7d6dbcc34e034b699ca3d5ff545790f7'
                    }
                    src_server_attachments_pull_ts: {
                        table: 'sys_module'
                        id: '2277df14c71c4661bb46969642d349d8'
                    }
                    src_server_audit_audit_ts: {
                        table: 'sys_module'
                        id: 'b51046ce52db4739a72c125e2a278553'
                    }
                    src_server_backfill_links_ts: {
                        table: 'sys_module'
                        id: '35f55a70233248488ed2de88a059151c'
                    }
                    src_server_clients_guard_ts: {
                        table: 'sys_module'
                        id: '58c672c8af814eb3bd3eaa6c6d78b2f7'
                    }
                    src_server_clients_mid_ts: {
                        table: 'sys_module'
                        id: 'a0dd442021454f85819e6a25be4a0e22'
                    }
                    src_server_clients_proxy_ts: {
                        table: 'sys_module'
                        id: 'f292c25f215d4a34976ce789540bcc48'
                    }
                    src_server_clients_salesforce_ts: {
                        table: 'sys_module'
                        id: '5baf7d2924fc48e48cf7a4a317351675'
                    }
                    src_server_clients_webhook_ts: {
                        table: 'sys_module'
                        id: 'a63f390f434c4c488ead860f2f6b6c52'
                    }
                    src_server_config_ts: {
                        table: 'sys_module'
                        id: 'd7c6c7057b414e979d5dc9fe96b760af'
                    }
                    src_server_customer_context_ts: {
                        table: 'sys_module'
                        id: 'f8628d6dfdba4a23812f351ad20db8f7'
                    }
                    src_server_entry_attachments_ts: {
                        table: 'sys_module'
                        id: '2221884ef87e422aaee11e5b4982bee4'
                    }
                    'src_server_entry_business-rules_ts': {
                        table: 'sys_module'
                        id: '4e366e1779324114af248431d1f24285'
                    }
                    src_server_entry_context_ts: {
                        table: 'sys_module'
                        id: 'd554eab6ea4244ce91acdd9030e07d83'
                    }
                    src_server_entry_governance_ts: {
                        table: 'sys_module'
                        id: '95ae8a0bf2a84c3398cac9788f752d13'
                    }
                    src_server_entry_jobs_ts: {
                        table: 'sys_module'
                        id: 'c7c02775f1b54c2c82964a02213535bf'
                    }
                    src_server_entry_ops_ts: {
                        table: 'sys_module'
                        id: '8b25135faa64405995fc02516037d789'
                    }
                    src_server_entry_rest_ts: {
                        table: 'sys_module'
                        id: 'cd2a16a651a64b7f8e20a170370f89ce'
                    }
                    'src_server_entry_rest-io_ts': {
                        table: 'sys_module'
                        id: '7ead72be055e40da9cfb8533a06ad352'
                    }
                    'src_server_entry_ui-actions_ts': {
                        table: 'sys_module'
                        id: 'ec5d8f696de844b58da24318051fce13'
                    }
                    src_server_escalation_assess_ts: {
                        table: 'sys_module'
                        id: 'fa51b1e6a9a5401c915fedc70e1d4d09'
                    }
                    src_server_escalation_problem_ts: {
                        table: 'sys_module'
                        id: '36202f71c19040199f7382cf748ea6f5'
                    }
                    src_server_escalation_sync_ts: {
                        table: 'sys_module'
                        id: 'b7a230b8c9124e3cbd1a6a977dca9995'
                    }
                    src_server_fields_ts: {
                        table: 'sys_module'
                        id: '324da51e491c4c349c98f61cfa3f405b'
                    }
                    'src_server_generated_seam-core_js': {
                        table: 'sys_module'
                        id: '42384739e7b949969ab0d6dc8ef206c0'
                    }
                    src_server_generated_types_accuracy_js: {
                        table: 'sys_module'
                        id: '9b68782a4198438ba8f963f02ddfa5fd'
                        deleted: true
                    }
                    src_server_generated_types_attachments_js: {
                        table: 'sys_module'
                        id: 'b809df06b25f452d8610aa4e70c5f872'
                        deleted: true
                    }
                    src_server_generated_types_budget_js: {
                        table: 'sys_module'
                        id: '192502c850224f77a8c2fc6a59a8372c'
                        deleted: true
                    }
                    src_server_generated_types_credential_js: {
                        table: 'sys_module'
                        id: '0cb97944afd747a884a9b24f56a9087c'
                        deleted: true
                    }
                    src_server_generated_types_customer_js: {
                        table: 'sys_module'
                        id: 'a480264927724ad89c952ee59b0638d4'
                        deleted: true
                    }
                    src_server_generated_types_decision_js: {
                        table: 'sys_module'
                        id: 'ed3d3807469840ee9e02d2113b2a0cd5'
                        deleted: true
                    }
                    src_server_generated_types_fit_js: {
                        table: 'sys_module'
                        id: '42f6c31e6b2143b9b8f802323d7e3f3b'
                        deleted: true
                    }
                    src_server_generated_types_hash_js: {
                        table: 'sys_module'
                        id: 'b712090f043d4f429749f55e22ba48a1'
                        deleted: true
                    }
                    src_server_generated_types_idempotency_js: {
                        table: 'sys_module'
                        id: '2814e24b050e4ab29106f5ddf4fc16d2'
                        deleted: true
                    }
                    src_server_generated_types_identity_js: {
                        table: 'sys_module'
                        id: 'dbacc8f5fcad4790b71a53a2b4303155'
                        deleted: true
                    }
                    src_server_generated_types_index_js: {
                        table: 'sys_module'
                        id: '7bb8dd01d4854a2c86a56ae65ef3157c'
                        deleted: true
                    }
                    src_server_generated_types_insights_js: {
                        table: 'sys_module'
                        id: '7ea2adbc82444e56aa9dac7e82c7b57b'
                        deleted: true
                    }
                    src_server_generated_types_journal_js: {
                        table: 'sys_module'
                        id: '95260bcbb8094c9b91d2f0148331b183'
                        deleted: true
                    }
                    src_server_generated_types_knowledge_js: {
                        table: 'sys_module'
                        id: '5ba7f0dbc50d48ef94126a44e6ed0f97'
                        deleted: true
                    }
                    src_server_generated_types_messages_js: {
                        table: 'sys_module'
                        id: 'bdb8809569e14450b1c943d562e7e8dd'
                        deleted: true
                    }
                    src_server_generated_types_metrics_js: {
                        table: 'sys_module'
                        id: '91806fa2ee4440d792764cfebbbd4c71'
                        deleted: true
                    }
                    src_server_generated_types_monitor_js: {
                        table: 'sys_module'
                        id: '1388a416cbac435fb0f940a22dcea652'
                        deleted: true
                    }
                    src_server_generated_types_ownership_js: {
                        table: 'sys_module'
                        id: '32136fb980e5445aae2706fc8352f380'
                        deleted: true
                    }
                    src_server_generated_types_panel_js: {
                        table: 'sys_module'
                        id: '811f26d9536a495196bdff9771c2c1d3'
                        deleted: true
                    }
                    src_server_generated_types_pii_js: {
                        table: 'sys_module'
                        id: '17fa4340f5a045ffb572a8e4c459fb4c'
                        deleted: true
                    }
                    src_server_generated_types_prompts_js: {
                        table: 'sys_module'
                        id: '72fbf554b5c84d47abc643badcf66574'
                        deleted: true
                    }
                    src_server_generated_types_reconcile_js: {
                        table: 'sys_module'
                        id: '5b90c8be9ca147e8a96c316bb05830aa'
                        deleted: true
                    }
                    src_server_generated_types_schemas_js: {
                        table: 'sys_module'
                        id: 'fd1241d8e5da4c15bb9500d9f90b7c98'
                        deleted: true
                    }
                    src_server_generated_types_sevalert_js: {
                        table: 'sys_module'
                        id: '946d820d1c0249f8a0918f0fd7cf213d'
                        deleted: true
                    }
                    src_server_generated_types_slarisk_js: {
                        table: 'sys_module'
                        id: 'daa87215d20c4dc48126608725a327cb'
                        deleted: true
                    }
                    src_server_generated_types_transforms_js: {
                        table: 'sys_module'
                        id: '3afa80f554d449c58d9f0b24e9e92cd9'
                        deleted: true
                    }
                    src_server_generated_types_triage_js: {
                        table: 'sys_module'
                        id: 'c98d7c0c89e9411da2be1b22405c50e3'
                        deleted: true
                    }
                    src_server_generated_types_types_js: {
                        table: 'sys_module'
                        id: 'f74611720e914c3baf8fbcd3523fb300'
                        deleted: true
                    }
                    src_server_generated_types_validate_js: {
                        table: 'sys_module'
                        id: '6fdd7ec8c4ab42a69968e53a80a30d79'
                        deleted: true
                    }
                    src_server_governance_accuracy_ts: {
                        table: 'sys_module'
                        id: '6b7a8e6cae104f43ab05345e3f081379'
                    }
                    src_server_governance_drift_ts: {
                        table: 'sys_module'
                        id: 'cf5c8b74766e4191a28401991bf870e6'
                    }
                    'src_server_governance_routing-change_ts': {
                        table: 'sys_module'
                        id: 'ce0f3be749de4bc29f62b077cefb415c'
                    }
                    'src_server_governance_routing-metrics_ts': {
                        table: 'sys_module'
                        id: '114fddc9f9114bf9a95adc7cddb68681'
                    }
                    src_server_governance_settings_ts: {
                        table: 'sys_module'
                        id: 'caded762c6444bec8148b69b538a9aa0'
                    }
                    src_server_governance_snapshot_ts: {
                        table: 'sys_module'
                        id: 'e433419ae59342d89cd2bdcbb4080f0c'
                    }
                    src_server_groups_ts: {
                        table: 'sys_module'
                        id: 'b3dc15e1660e40448699a8a6e1434822'
                    }
                    src_server_knowledge_knowledge_ts: {
                        table: 'sys_module'
                        id: 'a8f060d3e7404ddf957fb36757fc8b4e'
                    }
                    src_server_ops_settings_ts: {
                        table: 'sys_module'
                        id: 'fa2f983fb68045c9b2d4ee605023f5a7'
                    }
                    src_server_ops_state_ts: {
                        table: 'sys_module'
                        id: '18e15d074aa1485e85a26b74b7994417'
                    }
                    'src_server_ops_test-connection_ts': {
                        table: 'sys_module'
                        id: 'f125034d86534d0d9504ad60b6bdfe86'
                    }
                    src_server_outbox_backoff_ts: {
                        table: 'sys_module'
                        id: '33ff95477d834d5aa81896696e12c7b4'
                    }
                    src_server_outbox_debounce_ts: {
                        table: 'sys_module'
                        id: 'e578c2f3b5934580a14b2be0aed5a617'
                    }
                    src_server_outbox_delivery_ts: {
                        table: 'sys_module'
                        id: '870265a114ef4dbcaf7a3b46ecb2585e'
                    }
                    src_server_outbox_drain_ts: {
                        table: 'sys_module'
                        id: '179cf176a39741b0aec3792257da0837'
                    }
                    'src_server_outbox_lost-answer_ts': {
                        table: 'sys_module'
                        id: 'cd5766e66d354826aa84960d5a5afe15'
                    }
                    src_server_outbox_outbox_ts: {
                        table: 'sys_module'
                        id: '15bd728d75fe4a138646077f14c1e1b7'
                    }
                    src_server_outbox_receipts_ts: {
                        table: 'sys_module'
                        id: 'bb63305b629348da8069d775d812490f'
                    }
                    src_server_outbox_webhook_ts: {
                        table: 'sys_module'
                        id: '260eacac79e447b5a12d825c772762e0'
                    }
                    src_server_ports_ts: {
                        table: 'sys_module'
                        id: '92fd266ab1884f16bb0434ab4a6ef583'
                    }
                    src_server_reconcile_sweep_ts: {
                        table: 'sys_module'
                        id: '65b2b425070548d38b188871f4dd4638'
                    }
                    src_server_sync_fit_ts: {
                        table: 'sys_module'
                        id: 'c35d7581626f457f92069e807bf105d3'
                    }
                    src_server_sync_inbound_ts: {
                        table: 'sys_module'
                        id: '5a03464d805447549946615d3dc175e9'
                    }
                    src_server_sync_link_ts: {
                        table: 'sys_module'
                        id: 'a295666ddc654dc7814341673da8d580'
                    }
                    'src_server_sync_major-incident_ts': {
                        table: 'sys_module'
                        id: '4fcd80042d3a428d96d56e9c02e76dde'
                    }
                    src_server_sync_outbound_ts: {
                        table: 'sys_module'
                        id: 'c0fd5cb80c0445118b2e7f453a89111c'
                    }
                    src_server_sync_resolution_ts: {
                        table: 'sys_module'
                        id: '7d868ce05d854b229773c0a924db1b9f'
                    }
                    src_server_sync_sev1_ts: {
                        table: 'sys_module'
                        id: '28efd56a5b92441d88ddd6bbbff1bb60'
                    }
                    'src_server_sync_sla-risk_ts': {
                        table: 'sys_module'
                        id: '986c3acada4f420fb80f5aafd2c9ae33'
                    }
                    'src_server_sync_sla-sweep_ts': {
                        table: 'sys_module'
                        id: 'd7f23d184ccf4de8afbf9f939bc1f8f5'
                    }
                    src_server_tables_ts: {
                        table: 'sys_module'
                        id: 'fd8cecae3546488d98bb64cf058e4a62'
                    }
                    src_server_triage_approval_ts: {
                        table: 'sys_module'
                        id: 'eff26a96107e414e8676d6f98713ace1'
                    }
                    src_server_triage_decided_ts: {
                        table: 'sys_module'
                        id: '90e9e8c421cd4ba787f0e22b43759c3e'
                    }
                    src_server_triage_review_ts: {
                        table: 'sys_module'
                        id: '339de08654bd48dd8627443fa3c14cef'
                    }
                    src_server_triage_triage_ts: {
                        table: 'sys_module'
                        id: 'e6cc1daa7d2249d9968eb9cb06b852cf'
                    }
                    ui_incident_add_knowledge: {
                        table: 'sys_ui_action'
                        id: 'a26fbcfa55a14358bda3cf86b684b020'
                    }
                    ui_incident_customer_context: {
                        table: 'sys_ui_action'
                        id: 'fc8a436998d94aada4fd4aa7c4df3d5e'
                    }
                    ui_incident_suggest_knowledge: {
                        table: 'sys_ui_action'
                        id: 'd16f9af1974046a4b2d87a79d41563a9'
                    }
                    ui_kb_suggestion_add: {
                        table: 'sys_ui_action'
                        id: 'd0d383f933944e49b4d99b3d92675b9d'
                    }
                    ui_outbox_replay: {
                        table: 'sys_ui_action'
                        id: '3865183436154f1a89cb88191115b3e0'
                    }
                    ui_outbox_replay_all: {
                        table: 'sys_ui_action'
                        id: '93372fdf3be0477a8011784f427fc7bf'
                    }
                    ui_problem_customer_context: {
                        table: 'sys_ui_action'
                        id: '83aa6ab46f4b478daa2e4b7a477b0b72'
                    }
                    ui_reconcile_start: {
                        table: 'sys_ui_action'
                        id: '05ff1cdac72e4dc2931a66d9f01ef3cc'
                    }
                    ui_review_approve: {
                        table: 'sys_ui_action'
                        id: 'f7ba36a137d444709211ec6beaac1a09'
                    }
                    ui_review_reject: {
                        table: 'sys_ui_action'
                        id: '7c5f646c6e3d44ada9a6eca86017f969'
                    }
                    ui_review_reroute: {
                        table: 'sys_ui_action'
                        id: '511dba9ca3964755a7e9358146c8b6c6'
                    }
                    ui_test_connection: {
                        table: 'sys_ui_action'
                        id: '962e4ca3db3f4cd79185ef957e8587cf'
                    }
                    xsp_core_company_read: {
                        table: 'sys_scope_privilege'
                        id: 'cd6c8e19b8b44f9f843e172e423d7a88'
                    }
                    xsp_incident_create: {
                        table: 'sys_scope_privilege'
                        id: '4db7d680a8ef4ea992d74baa4ef74f01'
                    }
                    xsp_incident_read: {
                        table: 'sys_scope_privilege'
                        id: '3a971c6efaf3414db7ed1e8edd3a3a8f'
                    }
                    xsp_incident_write: {
                        table: 'sys_scope_privilege'
                        id: '1414f675eb2547b8bb4dca9869ce8c9e'
                    }
                    xsp_problem_create: {
                        table: 'sys_scope_privilege'
                        id: '3e43dbca3d9d41ed8a4f3f58a98ed201'
                    }
                    xsp_problem_read: {
                        table: 'sys_scope_privilege'
                        id: 'b29042252ebb47a3917bc76e5473c89a'
                    }
                    xsp_problem_write: {
                        table: 'sys_scope_privilege'
                        id: '4fda75d406c94bf19dd79a47bd65ae38'
                    }
                    xsp_sys_attachment_create: {
                        table: 'sys_scope_privilege'
                        id: 'e0b09dcb8d314ea29fb9f5670e65c266'
                    }
                    xsp_sys_attachment_read: {
                        table: 'sys_scope_privilege'
                        id: '38c5b9e1451a4fa5848b2bd9c1bd354e'
                    }
                    xsp_sys_journal_field_read: {
                        table: 'sys_scope_privilege'
                        id: 'c5546a9eff4748cebc4b537d42e1bfed'
                    }
                    xsp_sys_user_grmember_read: {
                        table: 'sys_scope_privilege'
                        id: '26bbf24118bb4dfd8332ac76b74a2061'
                    }
                    xsp_sys_user_group_read: {
                        table: 'sys_scope_privilege'
                        id: '9e18509688de4a4fa97b4f4dd63d1214'
                    }
                    xsp_sys_user_has_role_read: {
                        table: 'sys_scope_privilege'
                        id: 'e556bcc42ffc4a2a947476c9eb3fe2a9'
                    }
                    xsp_sysapproval_approver_create: {
                        table: 'sys_scope_privilege'
                        id: 'c6acd7d043fb481c8430b0155da2eb97'
                    }
                    xsp_sysapproval_approver_read: {
                        table: 'sys_scope_privilege'
                        id: 'dd5f605eb7e14268aa4503b22b1a1b16'
                    }
                    xsp_sysapproval_approver_write: {
                        table: 'sys_scope_privilege'
                        id: 'c9b802a2bf8d4ec485947acd7e4edae5'
                    }
                    xsp_sysauto_script_read: {
                        table: 'sys_scope_privilege'
                        id: '4bce8867ca5844879d8e18b215338df5'
                    }
                }
                composite: [
                    {
                        table: 'sys_dictionary'
                        id: '003b9ec8da3046d7ac5bfe54ee6a6163'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'direction'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '003beab7fbfb4789aa94954e93e3f612'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'finished_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0197975d0ed84a989cbe926fe7e4a092'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'time_to_route_mean_s'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '01eae44ea0dd4b779e8cdc908e08d34d'
                        key: {
                            sys_security_acl: '7a9c84434d234053a236abe8f9144e66'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '01f687fa48d14860bb5f8e2e4c7fe281'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '022d2cc10cb74876bf68fb2ea2a0c941'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '023d4fae9947477694f441b2a84680d2'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'manual_transfer_rate'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '02e9b5050964448aac67b1672059e5ad'
                        key: {
                            sys_security_acl: '5f814212a9f14918aa04592b7af93e39'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '031c8fafd2b64f16a54d0bcc623fda8c'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            value: 'pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '036a749f81a1458ba6e2deb616de997a'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '03f90945127b445fbc9bc4d9d685ce88'
                        key: {
                            name: 'x_seam_bridge.routing_admin'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '0441c6d42c2847e386f61df84bb496b2'
                        key: {
                            name: 'x_seam_bridge_audit'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '04569801c9224418a29b9465a01ea000'
                        key: {
                            sys_security_acl: '66cdcb2a779142199f5d5393366e0891'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '046e319d82ff449aa4ac99844cc60cb7'
                        key: {
                            sys_security_acl: '89395ae439a24f47892880147c8787ce'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '05094f135bb448f49251c25c0b656c33'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '05662a3eb8624a0d883a192bd85f25ee'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'value'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '05674533c3d5438b86a3c4e47f365fd1'
                        key: {
                            sys_security_acl: '24b7ee63899a4abd95d1007b6d419e65'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '056f38a8c242417880baed06bf3894bb'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'status'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '0579a01aec884e8ba6044c82eee782be'
                        key: {
                            name: 'core_company'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '07a4663e9bd74ecaa96024ae6eec86cc'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'idempotency_key'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '08d85d67ff5b4707a9cba22f4f2e7a85'
                        key: {
                            sys_security_acl: '447eca80cd514b69a282fe01bc178f8c'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '08efc557e0e14d359bba5946a9d643ac'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0941dc0948834ad683350b54780f7b3b'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'review_queue_oldest_s'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '095257938da94fc29947e48daa6e67a9'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'sampled_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0981c3669b62406eb8e60922253f399b'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'size_bytes'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '09f73f57ef6a4771a49c8c1a2482313f'
                        key: {
                            name: 'x_seam_bridge_attachment'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0ad34c2a8e034861b0b541d4fec14931'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '0b30bf51a74d4caca4a3a2f4cffaabe3'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0d252c0868684e94a19425ad86aef0eb'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'links_checked'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0e49b6751efa4c3d98a0e67c79a04fbd'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sf_case_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0e8e5120d5ea4d2583353409feb4713e'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sn_version'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0e9a443c7c9a4f90b31d152bc7ffc7f0'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '0f0e402ed87d4824979869f4900901dc'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '0fa29ea04d754bc4817f8d3ff4808ed7'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'result'
                            value: 'duplicate'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '102fa2fbdc4b4a63822f7f870dc1fe74'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'resolutionSummary'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '107dd81dfcae44aeaf9a0b76163d4d96'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'confidence_salesforce'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '11104b7304f446ac83a17361e71db1be'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1158be579a6947e481797ae0883efb9f'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1171ef7c2d48433e8fcb360e2a6ebd31'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '11ded996871e446c8855a35b7032587f'
                        key: {
                            sys_security_acl: '99672fb71d2444dfb265b8865e1d9eb8'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '122e9f42637145d888ba871a812eb979'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sla_risk_alerted'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '13ead77b58fe484da1d5ad7944748f1a'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'time_to_route_mean_s'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1405dafa2aa641bc90044d5286e3c8d5'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'sampled_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1418a683a7174c3e9aab34d666f7af9c'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'idempotency_key'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '143a9fabea264b368b98eb512b232588'
                        key: {
                            sys_security_acl: 'd12a4490626f493cb74f239c2529bac8'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '146f75cf046e4b5ea3cafa5588f19ada'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '153855707d4242029f74623f9e23d8ce'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'result'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '15af7c197305404599d69aab53db1253'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'window_days'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '164e6da28e29430c9ff92966c5a759ef'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1676893144b640e2af0720b0e92f7bdf'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'origin'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '16a2559ba79c429eaad397763aa2bd87'
                        key: {
                            sys_security_acl: 'caab01763bf5465bbb9fce9190ba843b'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '16a96d9b08e142d3a20a9b2b8ecd368a'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '17648df03b804218be0edd6ac4d33f82'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'asked_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '17a77d4d2a594de28a76a07afdc44292'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'week'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '17c125801d2f442cb6c657f4373a3f4a'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '17c46315d9904de6a50e265edc23bf82'
                        key: {
                            sys_security_acl: '99672fb71d2444dfb265b8865e1d9eb8'
                            sys_user_role: {
                                id: '91d4879002f248a18a5fac2e0d0ee984'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '17d83cd184484b8987750ea51b2e8891'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '181e4a72a88b418084a06a6204bef677'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_sf_account_id'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '18747e5dbcc446d6afa33b4b72a4c48d'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '18fca8a5cb89479f800bf3494e268f2a'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'confidence'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '190483efbb404b71b3c86655a675cd31'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'cases_routed'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '1a048f74a2cf400ab891af700221bc41'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1aef0df4cc7549f7b05ee19943ac9a70'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'relevance'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '1c4a0fcd33a24d69a336ac5782c6c2ca'
                        key: {
                            sys_ui_action: '511dba9ca3964755a7e9358146c8b6c6'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '1d11cf24164043f1ab1af1cd186425e5'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'direction'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1d2f57088a8244e5b9dcff2b22f35a75'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'last_error'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1d340fa39fd74a058121ba6daa499d0b'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'attempts'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1d736d52a9d14ed7a2561a77489678e8'
                        key: {
                            sys_security_acl: '6bdb5d5330a04677bd92d3a2985ecd6a'
                            sys_user_role: {
                                id: '03f90945127b445fbc9bc4d9d685ce88'
                                key: {
                                    name: 'x_seam_bridge.routing_admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1e0a66d3e1254a468e91016b6cd5e054'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'review_queue_oldest_s'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1e39c00ec69f45829ea4e5220663e603'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                            value: 'approval'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1e57fdac406e4ca3a7c79361114c5977'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sla_risk'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1ebe084f4b26473dbba28b50e74d6676'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sla_risk'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1fa28ed3e48542369989cf4d5a052cba'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'content_type'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1fb65db23fce49d4aef71e8fe83b6236'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '20a28123fcaa49998466339d314ec630'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'direction'
                            value: 'inbound'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '212025361a744b578ceb356a54049e55'
                        key: {
                            name: 'x_seam_bridge_outbox'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2124c60a52fc4d16ba224f8b9ad6cae0'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'api_calls_per_change'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '212b6ad50f264037a344ef91e55ad29a'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'drift_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '218cd86387b94cd79961a72d440a28ac'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'message'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2197605b314f439683a1de8e5ab51f96'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'detail'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '21b2fd7a12ab48a8a38eb84c44aee762'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'reason'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '21e69cd50e95489aac2f99256be5a1e7'
                        key: {
                            logical_table_name: 'x_seam_bridge_link'
                            col_name_string: 'sf_case_id'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '220fb0fda27d47a191d1f5e2d33724a7'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'time_to_route_mean_s'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '223476a815d84486a271111bd5660e75'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'route'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '223e9919f2454f5f9cfc6595c270adca'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '22a854944ee740aeba0f582340634b9b'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            value: 'approval_pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '22dfa44deedf4ae09e2cf11524fec945'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_escalation_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '23822a95b64e4e22a70e2fdd9fb6aa83'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '24ae792f98d9472a8c02b838e9681f12'
                        key: {
                            web_service_operation: '5e79d6cfc832480bbc9893bef056b18b'
                            web_service_query_parameter: '26d3c7b3be9c4dcda96795b53ff22961'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '24ceba0e6eb34556a4c4ebe8983d576e'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'pulled'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '251f509b8f8244c4817622b8c619e5d7'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '25238b2d349b4ad5b322896cd830ca76'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'sent_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '255e367442ee48f5b6e603f46bcb8d3e'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'sf_case_id'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2572e5b5f59d443f9b3e2fa748e1dc0f'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'direction'
                            value: 'proxy'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '270fb7baa04143718baa9bbb18b420e1'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2721f0521c2b4c58bedac633a54adce6'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'confidence_servicenow'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '274af5e1257d4abbb9d403acb1c17458'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                            value: 'approval_pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '27779dc9e5a344428fb2e3f64113e70b'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '28b8740b539e4fd58e5c4e6f47dc35ce'
                        key: {
                            sys_security_acl: '7fe0cbbbca0a434b8a635ec550dc91d7'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '299ca864f3e745369ac3e2deee482fd1'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_case_number'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '29ff4db5b0cd4013ad807d46661bf008'
                        key: {
                            sys_security_acl: '953087eea35b47e0a23cc503363fd2f6'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2a2df35be3b147ee82c628f6bb6204aa'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'manual_transfer_rate'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2aa459535ba84ffbb990956026b6937e'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'url'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '2af9450d0746492d82e42dbccffeda88'
                        key: {
                            logical_table_name: 'x_seam_bridge_outbox'
                            col_name_string: 'status,next_attempt_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2b0f0537eeaf48419c3591c8c9c8229c'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'route'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2b687c4cfec54e43a1087f91cfda3aa3'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'direction'
                            value: 'config'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2bf71ff4316b4d0abd2ce6a839d03a42'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_contact_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2c388f4e59954954aedb52cdabd5364d'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_entitlement'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2ca4b0cec8444292bc3e23833e59c689'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            value: 'triaged'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2d95f458af84470885e349d98ad25876'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'next_attempt_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2e23fef75bf64ee8ab42e85b64e07f5a'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2e8c3a6ab1e64c24a6bd64c2b7c8c98a'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                            value: 'review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '2f3bdebf6d6a4e95baacb26e5cf11fca'
                        key: {
                            name: 'x_seam_bridge_audit'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3024e3bd549540a1acaeccd1bbcd8a30'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'suggested_group'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '309a49f1b6754cf8a5fb97da422174a9'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'new_value'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3177d4f731ae4dcdabd47332c0d9917a'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '31965ec16f434abc90d20e324015b0cc'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_sf_case_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '31b1afa896364e14ba8395a6f2c994ef'
                        key: {
                            sys_security_acl: '83a3343d365c444ebd9346bac4c406b6'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '31e57c83f28940dfa2348d9294aef2f6'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                            value: 'create_problem'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '33531dc1ac5e4352b1772c8cf2101e6c'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'repaired_to_salesforce'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '36378bdd745744bfacc0a8284d0898a5'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'trigger'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3639843ee57c4a01a6be4e5b79817861'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'dead_letter_backlog'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '36c10d489a7a48488ce416dadee793fb'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '3748d9bd922247dabc1af9bb8a0e6950'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '37afd98e41c345109bb8cbc8f1012aa8'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'time_to_route_p90_s'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '37fb16e608e340cb97a2423372961ae5'
                        key: {
                            sys_ui_action: 'a26fbcfa55a14358bda3cf86b684b020'
                            sys_user_role: {
                                id: '91d4879002f248a18a5fac2e0d0ee984'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '38a68a807cb442989a22e436e8c5e5d0'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'soql_calls'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '393361032d904c07ac58a7a749f4f87d'
                        key: {
                            sys_security_acl: '89395ae439a24f47892880147c8787ce'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3ab9904627624ee18429a18cc2195269'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3b59b7c21d8d485eb2016bac7662829e'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            value: 'rerouted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3b88e4950ebe415c90c56a8d7a734ddf'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sf_case_number'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '3c7d03d7758e4c70b3b3f3f1665cc0ed'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'platform'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3ca2457974ca42fb8b153c91bafc854d'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'in_flight'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3ce9d922844645c0b0611e0222d00800'
                        key: {
                            sys_security_acl: '7a9c84434d234053a236abe8f9144e66'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3ceae008a7534715aefa30ca1d1f1dc7'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'republishes'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3cfd73348d6142e7b728b96eb8720776'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'target_id'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '3d3ce7e594064a15a0427601a9e7da0f'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3dbf4f97836d4d7096140a6d389e1070'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'detail'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3dd44225fbdf4d01bdd94024db97f627'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3de2004188ad4b8cb603f51d5c638ad0'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                            value: 'stale'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3e4d451fcd164b4085349cef70bcbe25'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'changed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3e59b1d8d8a64774a2ebe00caef988e1'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            value: 'approved'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3e9357d8804349d2ab394a04792ebd31'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'payload'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3f27494867a140dc9924466e9875f8e5'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'message_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '3f2eb97a8b984a60ba6ff23f1ec260d2'
                        key: {
                            name: 'x_seam_bridge_link'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3f9b5d48f7ee431585e8f4510ba1fac1'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'name'
                            value: 'triage_drift'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4046cc90a8e349b298278a4141f05a2c'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'dead_letter_backlog'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '414a373273c2477d81f59aaaa3c6d210'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'problem'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4167899303a64127b7a8d8d1efe70301'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '41c9f303b95441069cce46cbe34875ac'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '423eff285fa649caba56fe040938bac9'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                            value: 'applied'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '42e36ba4dceb4f3b96c90267b4ea1223'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '44985b45f0ce4302bb080e1058605a9e'
                        key: {
                            rest_message: 'f2fc739225b44ad19190fd601eb86fd3'
                            function_name: 'createRecords'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '45393ee48fe342c7bf6688f7c4d7917e'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'old_values'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '45b0afe5b5604b82b518a2bf79e7270b'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '45b2b175c7324712a12df94aad767de4'
                        key: {
                            name: 'problem'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '45e6bfc995eb46d49ab0ebd447f0eb00'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'answer_lost_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '46326b555a994f91b01925fbcf50ff79'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_sf_account_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4645a7862fea4d4190ec1866ca6acb60'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '464cf00604934787b2e284c314636dac'
                        key: {
                            rest_message: 'f2fc739225b44ad19190fd601eb86fd3'
                            function_name: 'publishEvents'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '4715768e3103444f8104aabc6164b25c'
                        key: {
                            name: 'x_seam_bridge.admin'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '47207bece2c14f4081937bc9b2b83ca5'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '47e4abc14b664340924b9d50a0a5eec3'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '47ffc24beea94969a5b6efdc2534e8af'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'summarize'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '480e3a161f8a479bb6271bb774074328'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'review_queue_size'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '482b43736a9147f29c19725efa0c2cff'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'snippet'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '487e1b60cfbc437991c23a5f052b346c'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_correlation_id'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4885c06d8d5041899cc090bafad21a93'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            value: 'received'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '48af7ddde7084e9c80afa8bc84631a19'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sha256'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '48c221d4d5ab4b0b8c67458eb21820a3'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_case_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '49df9dd93e23434ab7d541bda27c91c1'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4a9fc310dea44e0e97ad6d1ddc9a35bc'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'next_attempt_at'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4aa1e19b30b8416e980fba7c5a1f1154'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                            value: 'x_seam_bridge.triage.approval_priorities'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4ad69efc7a404488b5703603975c9a1b'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'sf_case_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4b0f86a907a9489492cc652c5cd5ed65'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'category'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4b908e2005274ab1bffd4615064eb177'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'file_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4c28c739955545d2a5668f6b837be0e2'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'fetched_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4d8b1499f83e4ce3a2a5237a7531aff6'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '4de588370b4043d0bd94a46e2c4e28b7'
                        key: {
                            logical_table_name: 'x_seam_bridge_link'
                            col_name_string: 'incident'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '4dec3cb78b214f22823853b2105df7de'
                        key: {
                            name: 'x_seam_bridge.reviewer'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4df42cedbdae49728328d0af74cb4511'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'payload'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4e0555389d444fc08eeb0e1de08a4110'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'confirmed_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4e1ef006c7ab4bc3af0526a7e682c103'
                        key: {
                            sys_security_acl: '1d0735297aaf4ec789ed8d62efd90369'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4e55ba981bdc4eaa878d634108a90617'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'verdict'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '4ea47be8644149aab70a2e44f413c47d'
                        key: {
                            sys_ui_action: '93372fdf3be0477a8011784f427fc7bf'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '4edf45ac720243b7bd4a33dfd36f7c3c'
                        key: {
                            sys_ui_action: 'd0d383f933944e49b4d99b3d92675b9d'
                            sys_user_role: {
                                id: '91d4879002f248a18a5fac2e0d0ee984'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4f8c9ab3c0954ed2a1baafdcf5cb900c'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                            value: 'done'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '50438223c4bb497c8e4a77beaa92ab35'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '50f978212fad4677871ea6e4ca7a45c3'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'origin'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '51030ff9d5ff4bd6b38b3afaa1b6f803'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'repaired_to_servicenow'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5113ebb056544cc0a890f178dca8d585'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '51376956ff88430798fe75f3e06b4a02'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'confidence_salesforce'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '51bd85cede494cd09d25095544c59140'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '520fab838a0140fe8e47fef7cb1ce119'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '535f7770df84469ca11948aadabea142'
                        key: {
                            sys_security_acl: '9556cfc60b474e70bc75bf5f6ccbec85'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '540d7652c7a844bb846cff1bde1143e6'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'old_values'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '54258a1c12b74c1f8ae66e222bf06eb1'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_correlation_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '54ddf73b9e0c4b2b930a6c1a2135200f'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5597775e4c3944db9bee85e819293535'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'sent_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '560c3940a6974c6bb4cd839e71af9f1a'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'fetched_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5676156b270140b68c5c45371e9e512c'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'finished_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '56be42c3395e4b3597cf5200e6670191'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '56e01f0fabbd4ce18180eaccaa46cd3c'
                        key: {
                            sys_security_acl: '83a3343d365c444ebd9346bac4c406b6'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '56e9271caffd418e88ef349a1059ebcd'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '572fc5df2637477090139cfb1d9390b8'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '57d13c5d056f45e78e9234c2cb81e609'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'confidence'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '57d35889f24341e389eef116321c6b5b'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sn_version'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '57d81827a5ff40649b0c3bcd5116f38b'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                            value: 'error'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '57f374f69ea04452903e2ddf21ffa921'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'target_table'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '585fe4eee344446ba75f3845f7cbdd80'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'api_calls_per_change'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5897ad9438f54196ada70dfafc353168'
                        key: {
                            sys_security_acl: 'f9ace5c0a0184f339e4a3669b8c6581a'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '5941a3bbe4ef40e28236a66322150929'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '59a955f1e61642748f7d045bf02d3ad0'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                            value: 'critical_alert'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5a599dd5640a49739f12c02ebcf9d5bd'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5a6f5031d5874aeca28f4619ff687b77'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                            value: 'incident_update'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5a97cee9cba547e4bcc7ca67ac05714c'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sf_case_id'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5b34569707ab4988867338d1cdbf6d1f'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'awaiting_pull'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5b5a5c33973d4e888241b8900bb4f37d'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5b689f9274ea4342b46c5ddfba1ebd14'
                        key: {
                            sys_security_acl: '7386b0e9b3f94ade90d6550d2c882660'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5bba979355904ee3b29c125301c2b76f'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'link_version'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5cd8204b46c144c69413e0841db85156'
                        key: {
                            sys_security_acl: '9acde07742c64d4aa305d71e959537f1'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5d0dd494c8ce4f3f8a6d79cdb858bdfc'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'message_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5e02fa9515fc4f749d3837731af149f0'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'correlation_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5e139752dfc04e129d28d868e787c2eb'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'snapshot_hash'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5e7318a00f654588aed5f78b3adeff59'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'operation'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5ef4a1a87c6f4bd49dbbfb7d8c0aa422'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '5f59f0bff96e4e6087ce1b2e5e3e8642'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'result'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5f9f501c3fe44912bd02d308c156f37b'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'snippet'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '601be1ea762e473394e7a01e4ca1e4d7'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'link_version'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '601eaf79489a46c28abcaee5fca71e51'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'taken_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '60653803a5eb4a5bb3beb97cfe13f9de'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'problem'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '60b8a944e8c940e98907b7a81fe99118'
                        key: {
                            sys_security_acl: '00a8e6bd17974cde81490395facc0bc0'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '60d371a54dc54a118f4ce181685ada71'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '612eb66216dc4589b769018809c1bb2b'
                        key: {
                            sys_ui_action: '83aa6ab46f4b478daa2e4b7a477b0b72'
                            sys_user_role: {
                                id: '91d4879002f248a18a5fac2e0d0ee984'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '616cb299c6714ad4ab62b8393a73afbd'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'confidence'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '620000c0c92d409fb20497e9ec7a807f'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'reason'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '6259eb7718fa4d648873e17eb14bcf04'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '62d970c4ece74f588bbac39af8349e84'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'drift_found'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '62e9ef0479ee41f3ac3bdf4a6ed6708e'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            value: 'dead_letter'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '62fd5e36c3dd4bf3823c7c1c066b0259'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'idempotency_key'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '635fa7ac82c24f3eb5b02ace515a2931'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '637365a9f83949f5921fd4c87173f5a6'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                            value: 'linked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '63a573d2ddf54ca19078207dd3ad4f31'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'confidence_servicenow'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '64607339167f47aaa3a3847b3954d6ea'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'current'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '6479943ed4b243edac20e0823d384c99'
                        key: {
                            logical_table_name: 'x_seam_bridge_outbox'
                            col_name_string: 'idempotency_key'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '64fdd1b0b44047918b789c29390cac0a'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                            value: 'create_incident'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6552c64347824afca65348cce181f732'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '65eed8f675f54f3caf6e4060ecb6a1cc'
                        key: {
                            sys_security_acl: '83a3343d365c444ebd9346bac4c406b6'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '6679c71ec7d24004bb012753297eb9b5'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'name'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '66825388b675469aa14b1fc608484ca4'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'linkage_accuracy'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '66c742f3c9564d919a2d8bbf50865925'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'verdict'
                            value: 'wrong'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '66d793eddb384c858cb490415103aba2'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'in_flight'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '66fbb3dc4ffd41fc97eff33e377d5bf8'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'confirmed_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '673c91abaaf448b6a688042870357468'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'direction'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6772a9ad6dd74e1f9e80854cc2809246'
                        key: {
                            sys_security_acl: '3dc3b0db2389451d88b8db4b2a7b53a3'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '677ff366d06d48ddb7e9cfaaa409105e'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'reason'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '67e8b321d8784b6cbce90efce2455f74'
                        key: {
                            sys_security_acl: '309d65e183104d398ec167e1258ee786'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '67fdf9765abd4f75b02a96e125ee2557'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'trigger'
                            value: 'schedule'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '6881d27adb08419d89bc5fc6f9ccf2b0'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '691d8d2e2f834f09b90b55aba074bec0'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '693aad72b8d545a0a4e6a833cc1a34ef'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'alert_priority'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6a5dc8fad5a14a9086f1f2ff1806bb34'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'size_bytes'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '6b41b955b2864156be0f69c4e2eaf311'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6b99088684a94a3eb6ec5fb91faae6f0'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'repaired_to_servicenow'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6cbe29a5c20b46c8b48f45396753c34e'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6d1faffae99e4246a48eeac3f3b2d8d1'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'latency_ms'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6d6baea924e343f6888e324391969ee4'
                        key: {
                            sys_security_acl: '135d0913acee45fca252526f00551a7f'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '6d94dccf019a40e58145dad6a3ed189e'
                        key: {
                            sys_ui_action: '7c5f646c6e3d44ada9a6eca86017f969'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '6e0a2f9d269f4ab08d50690fa54b2118'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            value: 'sent'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '6ec81aec4d074499a6766750f1025cc5'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'result'
                            value: 'skipped'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6f9d27f811de4380a8d40fba86b54c54'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'missing_cases'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6fff363232554aa7a270060525b37ecb'
                        key: {
                            sys_security_acl: 'e76733a82b28495ca7c2b93ca0e81fde'
                            sys_user_role: {
                                id: 'b3505bd22abe4e9ea3a4b000ca8f2723'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '705a13ef6af042acbb5d54535126369f'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'idempotency_key'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '71663fff53274e8bb82255f636423af8'
                        key: {
                            sys_security_acl: '00a8e6bd17974cde81490395facc0bc0'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '71b08d0a89f34a2388f8e0312107023a'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'changed_by'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '71bcfe213bf243e697dd2162b2cd4ddb'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'verdict'
                            value: 'right'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '71e043bfaad84ca78f59dce72b8f4635'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'trigger'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '720c357d3822452ca3e784e32040905f'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7228b7c4ee664d62aa46c3084ac6f5d4'
                        key: {
                            sys_security_acl: '7386b0e9b3f94ade90d6550d2c882660'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '725faaede5f64b12904bc99918ace09e'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'operation'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_user_role_contains'
                        id: '7271668c5b9244889a5ac8fc1662007e'
                        key: {
                            role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                            contains: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '728fb80075b4456798f2ed940e2105e5'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '7304e2b351944be39bd984eca8d9aeb4'
                        key: {
                            sys_ui_action: 'f7ba36a137d444709211ec6beaac1a09'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '730d19a3bfde40f49bdd7882a0daebd1'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'current'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7384e0185b41429598a00b4d13353aa4'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'time_to_route_p90_s'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '74629f0ef7a24236bf23fcd03e98019c'
                        key: {
                            logical_table_name: 'x_seam_bridge_accuracy_review'
                            col_name_string: 'week,verdict'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7462f339c07d45df9b7ceb73bdc83c33'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '74f18b78c0d846c29500868b5da5ae67'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'withdrawn'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '755680cdac154a76b44fecba4fd2de85'
                        key: {
                            name: 'core_company'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7560300dd4344c938715977c25993e05'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_customer_priority'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '75b178d52f324e73bbe11d8054fc92c5'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '764aa5bc6bc845d7a5c7528e8e4e700f'
                        key: {
                            sys_security_acl: '6bdb5d5330a04677bd92d3a2985ecd6a'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '767f279839504cabad0e8b8c7ecd7598'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'target_table'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '76bf810b963a496686527a82452f2945'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'platform'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '777e078ae16c4e3081038e9276b770ea'
                        key: {
                            sys_security_acl: '5b1031720e2b40269e1d0384f7265346'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '789c8f9c0d684f1ab9d730c710c516b8'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'rationale'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7a1609db1f8a4b77b7b1afb3e2d11f45'
                        key: {
                            name: 'core_company'
                            element: 'x_seam_bridge_sf_account_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7a22188dc9374b9abc7ea44e522e0cbc'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                            value: 'x_seam_bridge.triage.enabled'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7a682e056b2a47fda6619305793e68d2'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'new_values'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7b1211376eaa439d94163ad89db63549'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'actor'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7b6e5637c0a340778c4a95e67cefacc3'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'soql_calls'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7ba77cc12b744469a58a17f0cdbc670d'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'direction'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7bd907a67c124e74bdc33e316bd4d332'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'rationale'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7c312c23b7a04eac91980d563a6fb5fa'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'latency_ms'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7d130cf0ccc349dd9914e2e9a46c4798'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'result'
                            value: 'success'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7d2a3699097140ae9870369a6464105e'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sf_case_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7d7faa4c946348b4b3388c0abc911d59'
                        key: {
                            sys_security_acl: 'f9ace5c0a0184f339e4a3669b8c6581a'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7d90cd5958854b0fbac282e395383150'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'last_error'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7de40f0d68d74caf9a38b0c6dc7f51c2'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'problems'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7e2e8e998c9a48acb804b358bf04b1a2'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'payload'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7f6f165bc4c24c84bdc25abe1e551004'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'problem'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7f9a2eb874784024a810e6bdcd6d6799'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'result'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '805a92222a0b42f286ece277121fcdc8'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'samples'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '805c0f56f48b4cbe9628ae76fc8a6725'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'actor'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '812faba4df1b4b24bd688898c650eb56'
                        key: {
                            sys_ui_action: 'd16f9af1974046a4b2d87a79d41563a9'
                            sys_user_role: {
                                id: '91d4879002f248a18a5fac2e0d0ee984'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '81373547099143198f8ca9ffd5713c34'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'linkage_accuracy'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '8192271c1b2d49b09f4347390ba8a95c'
                        key: {
                            logical_table_name: 'x_seam_bridge_customer_cache'
                            col_name_string: 'account_id'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '81977eae91c74159ac5f7deb180f2390'
                        key: {
                            sys_security_acl: 'fcc6cadcab974f738cce04f836ee7605'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '81a0b02cd20d467a885601efa504331f'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '82607d0026a14e15be5e566cdd9606ba'
                        key: {
                            name: 'x_seam_bridge_attachment'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '82d64a6a5fd24be8a93c58697f57ab38'
                        key: {
                            logical_table_name: 'x_seam_bridge_reconcile_run'
                            col_name_string: 'state,started_at'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8328ad30d1de4568be0d30c39a62d21d'
                        key: {
                            sys_security_acl: 'ea237b08f3fa4f3faa6e8975c663e062'
                            sys_user_role: {
                                id: 'b3505bd22abe4e9ea3a4b000ca8f2723'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '833226497a2742ca9499611d799d0af3'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'message_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '83e51ab875a644b4b9f3a0c9ba7629ba'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'drift_status'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8411e8bdfed94d15856a65c100d63f7d'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'rank'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '842b0247ed6b4ac89e8c918001e3c9ec'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'requested_by'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '856c24aecc1d4fb887518dd385dc3afa'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_contract_value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '859ac9fb1ef64a969b825a0801b770de'
                        key: {
                            name: 'incident'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '86212a7de08b4ee7a4e91b5a75928e4a'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'knowledgeDocuments'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '8681302357854e3f8f4b2df19a75138e'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '868ec755da7b4afb861ab14bbc731348'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'title'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '86b4356c87c441ed963139bceff12571'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'snapshot_hash'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '86d8e98734844a9e943274ec54de5640'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'title'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '871fab7fcce04b51a62b6ca7217b694c'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'new_value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8758d9cccbec461f98c75b9e180e441c'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'updated_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '876d11283b9942d891e538b17a459260'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'reroute_group'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '88ad30529e044960a05c83ca1195f21a'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'relevance'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '89c3c6afe6964f3fa68d3589af95354e'
                        key: {
                            sys_security_acl: 'f0f9cde6ff154fd9a3a2d1be43d7c790'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8a073f338eac45f38dd77a6357eb5d54'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'correlation_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8ba158f7b6b0446d94aadb73db9eec92'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8c6d585a24eb4ced96fc8f73d9a10d11'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'detail'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8c764381564f495abfff5295120c0fdc'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8cafdbc001bb4fa9a9803c23cdc05c77'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'drift_found'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '8d327c464e024a16b32414f8e09e4f89'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'knowledgeAnswer'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8db9bc2388cf4bef8ef9d7267868bd5b'
                        key: {
                            sys_security_acl: '447eca80cd514b69a282fe01bc178f8c'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8de670d34479475d87e7f9a389e401ca'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                            value: 'x_seam_bridge.approval.group'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8de95a61eebf4aad893552aa6c62bd8c'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '8e66a4b829194bac9a00246fd4430923'
                        key: {
                            sys_ui_action: '05ff1cdac72e4dc2931a66d9f01ef3cc'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '8f67410a63b545849948adc356eb73c2'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '8f9333c222714d7a98303dc90e0b6313'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '90472b9e1ac94522ad254f51560d6662'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'direction'
                            value: 'outbound'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '905d3ec99319457490b2a6d9616c7c9d'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '905fa00b0bb843aa88e4ffb0d45f2b7a'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_sf_case_number'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '90d8ab1a045a46c3b5202bd8c7efec90'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sla_risk_alerted'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '918227be6a8646458e0c29d258c4fd2c'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'last_synced_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '918289ac490143d5bda102f77c33a0da'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'idempotency_key'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '918610cca61242faa70179737865e3e0'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '92cd6ca8a9bd4e4b97c2e5e56527ebe8'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9339bb1491674d97a8c6a5cac47593a1'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'fields'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9387a01721744c78b4dded4a6efb8b5c'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_contract_value'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '947b23684b5248949476eb780daf4ae5'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sf_content_version_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '94d1cbc9c046410b8141c6f2828e10ed'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '94f9f5f283274f3588babfdcd43d46b8'
                        key: {
                            logical_table_name: 'x_seam_bridge_attachment'
                            col_name_string: 'sys_attachment'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '96a74c0d26d443588fe928cf4f852252'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '96ea8434cc184a83b14c856b6bd517f3'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9709985950b64c8ca54b80e61e497e52'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'correlation_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '97564ea73aad4d50a088e7abe7fa5090'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'origin'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '976ffcd08988428f9bf3cc6e24eb131a'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_account_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '97a9020965224a328261356c69cc8312'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'sobject_type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '97af3ddfc5fc439283bbbf6fddbf0f0c'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '98b9578e85fe46a0ba12b3ff1fe60fdb'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '98f42ac0ab5f4e3eb054df4f7c1903c4'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '992516e6131e4d2b815a567bc03aebbc'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'cursor'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '996bf243b9d24ea8b77f7d8b54d1fa75'
                        key: {
                            sys_security_acl: '1d0735297aaf4ec789ed8d62efd90369'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '9ad2001a302b4df38226760346716c5b'
                        key: {
                            logical_table_name: 'x_seam_bridge_metric_snapshot'
                            col_name_string: 'taken_at'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9c2e8ee419b74ef2aabce4b51d3a4805'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'confidence_salesforce'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9c34da6f0d3a4e9f937c1aa0e5c65f34'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9cd87d59a8074db28cf9303410a6e3c4'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'fields'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '9ce1d581531641ad8c6b5a35413e5420'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'slaRisk'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9e501666c0d744d387e685d0c31cbf7c'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9f461ec86a5d454aba4bea9256e68fff'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'problem'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: '9fa79dd4c4ad454b8a57345ea62401d7'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'escalation'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9fad9ce6f0d849b9840e5ae007282e07'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9ff58710c8294765b20d7f8d48cd76ed'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'next_attempt_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a015f85ef00e4145b279077a944c2488'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'detail'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a06ea837894443788b39b5fc5e1a8e5b'
                        key: {
                            sys_security_acl: 'e6b401bc98ee49778ab83d42d869c73b'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a0ee73bff08e419ebaf1d48c6abb4b00'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a190cb78744b498998c9ead29e791354'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'kind'
                            value: 'escalation'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a1e50728f0cb4e07b4a309f433c6bd07'
                        key: {
                            sys_security_acl: 'd12a4490626f493cb74f239c2529bac8'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a218b1994fdb4e87b6bdade4ab0f7aaf'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'suggested_group'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a21e5cc0d67748af81a6995795bd62f4'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'last_synced_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a22640993f404f0d90435801754894b5'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'window_days'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a2c06cc78f7e4f088154506e90ace649'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'correlation_id'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a3b321f72db1413786bdc765aa6a6453'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                            value: 'file_offer'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'a3be1db9e5f74420925574c0298e97f3'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: 'a47d79191e554dd89cf0b683da6dd56f'
                        key: {
                            web_service_operation: '70966bd5c35c4586b55def1652b34d4e'
                            web_service_query_parameter: '1c107b23401e439fa5a066b8e3e66d57'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'a48ab152495b47e580f22061645944fa'
                        key: {
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a4cfd45560c243f890647d45961ea12a'
                        key: {
                            sys_security_acl: 'caab01763bf5465bbb9fce9190ba843b'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a5866a7e623f41259a9d9b13e5f0b920'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'decision_note'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a5ce0443a82045ceb9ff73ec201a50bf'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'review_queue_size'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a6ca95203ab148158bd44cb80cce6ef8'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'correlation_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a6f22f53eca64befad62aededcd3379c'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'sent'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a70e397e7d774b82bc42317b1db94ceb'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'a7a2385be9d64a4098f645742f70ef19'
                        key: {
                            name: 'incident'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'a874a10307324f429b4f4d7a9c94a44f'
                        key: {
                            name: 'problem'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'a8800c32d3e34bee99ab753396fe7dad'
                        key: {
                            sys_ui_action: '962e4ca3db3f4cd79185ef957e8587cf'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a92a5de8c062469385f7e71b1c7eda3f'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a97b8bc7ffb94c388d36d32d75d94825'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a9cd5e46136e49d18060f8f22db02c20'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'kind'
                            value: 'triage'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'aa4f9630cc1f4c4ab003c87e91083c6e'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sys_attachment'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'aa73a9d594e34fcd9b77a9dea4c274a3'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'correlation_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'aac088663979459db1d6a7ad93c10b34'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'origin'
                            value: 'servicenow'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ad4d5e371b284045a87b7a1dc20d08c7'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'add661ca24a24c28845529cbfacb5ae9'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'adf03649d160489d8a32f8794adcfb18'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'missing_cases'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: 'ae00a9f651224c0bad91dbe5a7e17cde'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'triage'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ae431c10c68f4a7c83a61382ef37c3a4'
                        key: {
                            sys_security_acl: '6d3447830c60450facecd0dea5e21547'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'aedfdfd396e049cea5e5cbb2642023d4'
                        key: {
                            sys_ui_action: '511dba9ca3964755a7e9358146c8b6c6'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b02c841aa5694e07986ea62e3a512ae7'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                            value: 'x_seam_bridge.triage.review_below'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b1702a6d999043659e8af8d4da4b5ee7'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'trigger'
                            value: 'manual'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b1ff44831d8e4acdbc73037ec04e2e48'
                        key: {
                            sys_security_acl: '9556cfc60b474e70bc75bf5f6ccbec85'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b23f766302aa49ee96ef556393998373'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b273412da25948179e8eaae857d51392'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'message_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b274fb8e8c654f6ab1c600e2d5b1d7d0'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b2bd0506d8ec4dc6977bb8ed5eec23ab'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'last_error'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b2ef5acde9164dac9b5ad1101d0a7c44'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'repaired_to_salesforce'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b3288ad00d5c44a0be43a2fefac6936e'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_case_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b3b0f8ceea194bdab1f7da195e9f0957'
                        key: {
                            sys_security_acl: '0c4987b7839f43afa199bf7d2a4c6adb'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b4128e8ba03645749b5a4d6848f613c5'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'attempts'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b4ef097b083a4e12a0775ed4357ecf4d'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'api_calls_per_change'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b53a30f5225c47a091c9f05b20fef126'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'dead_letter'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b5bb743c627c49028e5223c9edeb1863'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'idempotency_key'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'b5c06f7eba554abda66b1414cab6c3d4'
                        key: {
                            sys_ui_action: '7c5f646c6e3d44ada9a6eca86017f969'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b5d19aa9d0004f4db2c2e888b616545f'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sf_content_version_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b5d68c2cea344f28a1a7beb94d2c38b3'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'payload'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b64d3111d05f41e19b1acb9bc3c3db2b'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                            value: 'impact_task'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b663f39146e746e0bb72a9be1fd21863'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'new_values'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b676fa4030c543a89816596da36fc40d'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'confidence_servicenow'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b745053d4cd34d3ba0a5be85d4d60d20'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'samples'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b75c96b55d6943f6b5e7d05bcac41105'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'cases_routed'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b795126f171d4f4d9530bd5435b99d63'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'links_checked'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b8b27f0b3c0c4c5fb07ed2f1a59190ed'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'old_value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ba23655ec6be420bb0898435b9b10c15'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ba576bfedb214d82b99d3235e5c89f0b'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bb0b50d290aa4a7083f5b77f666c5110'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'result'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'bb55c8e47df0492b95dc6beabe8e4d29'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'bc29f91a7692489c848d29174b104573'
                        key: {
                            sys_security_acl: '3dc3b0db2389451d88b8db4b2a7b53a3'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'bc91e13c21ff4d33a0d8a9f70a28ec2a'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bcbd2673b10445978374213d404e62fe'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'bcf6cf3e55ba4b0b8f280bcf6daf9ff2'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'bef28eee130c4f1b91dd9d28c3d6635f'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                            value: 'review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bf20682e59bb4b67802dbdaec8f73ec1'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'sf_case_number'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'bf2d5bb0e00243a7b3d5a0a4d3fb8912'
                        key: {
                            sys_security_acl: '9acde07742c64d4aa305d71e959537f1'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bf32ac6be1a549c1b3693c6a88fd7e46'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_contact_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bf7b940adc9046e1bea71fd2c1b377d5'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'note'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c02fcd7f8c5c481fbfba6afe8663d1cc'
                        key: {
                            sys_security_acl: '0c4987b7839f43afa199bf7d2a4c6adb'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c0b4dba51ca449768cbd965427e7626f'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'updated_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c0bb0d729d0f4e39ac35daa0558197d8'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'note'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c0d69ae7683343f2a962b49f9ddd645b'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'attempts'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'c14980b5096247b98b2b8122fd335d5a'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'time_to_route_p90_s'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: 'c1551f0f7b5b48ed8a5625b6440b2317'
                        key: {
                            web_service_operation: '70966bd5c35c4586b55def1652b34d4e'
                            web_service_query_parameter: '237731713a05426082f680c85f57d93a'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c2e2fb275c01488d99d3143bb376ba7b'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'file_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c2eaf96af49e41858821a749346b4deb'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'republishes'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c393498ccdab4e50b94612c28db2fb25'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c3fda9f9c8ce46309ceaff05f82f8166'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'target_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c41805268970428793ca777ba92924c0'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'engine'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c449e6f52d1f401685663c498aee564a'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c454aea2bd554e5ba8f7e35ac2b8445e'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'rank'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c47ae62924db40f786a31a24001453e7'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'url'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'c632b70edd054e15972b40bda634baf0'
                        key: {
                            name: 'core_company'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'c63dd0c2d4ef4a2c8071e3b122c0fdb6'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c671f498ef1e4e4baaa76d71cdbc934d'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'direction'
                            value: 'outbound'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c69b17f50e5e4bf4832bfb1b350b8066'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sf_case_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'c7040ad889ce47dcb754c67df4c3e2f3'
                        key: {
                            logical_table_name: 'x_seam_bridge_ops_state'
                            col_name_string: 'name'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c9707fc483e8478b91346e55a42da34c'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'next_attempt_at'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c98fe0ec866a4dfe83b0970c901d5d75'
                        key: {
                            sys_security_acl: '5b1031720e2b40269e1d0384f7265346'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ca51aa513b014a0dbd9b8f9b47b34e70'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cacdb92e9a944983a7b3c7e4895bea84'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'correlation_id'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cb461c61403d4858839c1a0fc841afb6'
                        key: {
                            sys_security_acl: '6d3447830c60450facecd0dea5e21547'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cc11bb064ae140749608f97a7b91f0eb'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'cursor'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cc53b62e85944bec8af9a62d2337eea3'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'correlation_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ccbbc6eafb39434c8f019f59496a9ab1'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'cd8b8982515e4b4f999c5245a0027923'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            value: 'awaiting_pull'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cf15ad4cd8a541198882107bc8366e80'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'linkage_accuracy'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'cf352577213e4c8aa6ad25e3c7c1310e'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'taken_at'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'cf3dd37e4a094d4fa4acf9d1fb95c9a4'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                            value: 'resolution_summary'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cfe597e32bd14c63a3bc4e94a7b76cbb'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'reroute_group'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'cfeba796c5d04100bffdc348f995ae80'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd16228e41be749eb834513297e618c48'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'cases_routed'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: 'd17e0b6ed9d344f8a508ba55cb81df85'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'impact'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd1c34abee5b141f9b12c69e8d2e801c7'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd2a22736d8c447d9a2707ff484318e0a'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'name'
                            value: 'credential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd309e452fae14f0a94db59575258cacf'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'message'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd38adeac126b4953a44e4c43fb76a68f'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'problems'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd3b7ae92991f4fb8b5f08417a9f11bec'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'origin'
                            value: 'salesforce'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd47996a60a154700a8d4639e862966e4'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                            value: 'duplicate'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd494908463cf4af49fad9ab071d9418c'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'old_value'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'd566a884c59048ae8b2fe63cd51f3a9c'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'drift_status'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd5e1bd0054ad4d049a44cd044bfb380c'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'detail'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd5f2b6be26fa49138bdb04851cf748fc'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'direction'
                            value: 'inbound'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'd6338ca3214e468185c776c9a53e66fc'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd715e44ece874249910c99d1a2ba7141'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'sf_case_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd721afcb94f54fadb80017b4903f22a3'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sha256'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd84e4dd1a9554d85a028adb98bb3df8a'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'platform'
                            value: 'salesforce'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd96343c029d94ebda682c835efd71ed0'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd96dda2ae9c740b9be2ad766a111fee2'
                        key: {
                            sys_security_acl: 'f9ace5c0a0184f339e4a3669b8c6581a'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd9ba5272422b41ae9bac7ed9edd2395c'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'manual_transfer_rate'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'da38864868c34c039421ae718ae8482c'
                        key: {
                            sys_security_acl: 'f0f9cde6ff154fd9a3a2d1be43d7c790'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'db0966d8c1174e1cbee2ac2249014d81'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'account_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'db3534f9a8754a7baa2272228e5993a1'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'suggested_priority'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'dbb81c4a4d004f6896584adc0af2ebac'
                        key: {
                            sys_security_acl: 'fffde06a86804b7582b1632835fec892'
                            sys_user_role: {
                                id: '03f90945127b445fbc9bc4d9d685ce88'
                                key: {
                                    name: 'x_seam_bridge.routing_admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'dbd05649c34c4b0891b24b83e8d654f9'
                        key: {
                            sys_security_acl: '89395ae439a24f47892880147c8787ce'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'dbf22f98a2dc49338e98e11f7c569db3'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'dc8d93bb114a4084ad7e4bf5ba751a6e'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'dca056036e514d3b87cc2fe01ebbaa2e'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_correlation_id'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'dce0a89756f8468e9067a6fce3d3a7be'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'status'
                            value: 'skipped'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'dd2722a447864151b66511284c94e538'
                        key: {
                            logical_table_name: 'x_seam_bridge_attachment'
                            col_name_string: 'incident'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'dde68848199f44378e4a7bce00b45d1f'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'de723f4e48d04b9fa5a34bb573b8aee1'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'started_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'df1ef26576bf43c091f205044201c87d'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'sf_case_id'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: 'df6b714e293643fe80798fbdbe5cced5'
                        key: {
                            rest_message: '26061b440e4c46abac4f726c2415d8f2'
                            function_name: 'knowledgeGaps'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'df78650ecfb349f19e20904fbd60c3b3'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_correlation_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e239bd06e1294cdc8a2f0c77ba897162'
                        key: {
                            sys_security_acl: '01af3d5fd3ac4a8da6779fab99f31a48'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e27380731ef949fdb54dc9f102ae1ab3'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'category'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e285b606cab04c4896c1e6786e6dd972'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'category'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'e2b9334f28e24b5b845af07f8275001a'
                        key: {
                            logical_table_name: 'x_seam_bridge_kb_suggestion'
                            col_name_string: 'incident,rank'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e36c1b74317646d6aaa0d07607782871'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'engine'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e42c948f74ad4ba393ef8b223fc02793'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                            value: 'x_seam_bridge.triage.auto_create_above'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e4322b2d2fc44244bd4bd0bf0f9aada2'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'category'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e4a51719b3cf437c818e61e3c3ed82df'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                            element: 'taken_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e50a98a9003341f9b190952a5ba508da'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'name'
                            value: 'api_usage'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'e53cc744d5cf469a961b0aafe174c84b'
                        key: {
                            name: 'x_seam_bridge_metric_snapshot'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'e548b98921f648168ad2f094f8851b2f'
                        key: {
                            name: 'x_seam_bridge_routing_change'
                            element: 'property'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e59312fa786c444cb7cfe576decfdcaf'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'confidence'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'e696662fa9314311942f28def88155b1'
                        key: {
                            name: 'x_seam_bridge_link'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: 'e7660e6ef6a24238a6ad6dedf76df754'
                        key: {
                            rest_message: 'f2fc739225b44ad19190fd601eb86fd3'
                            function_name: 'query'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e76edf4f5ebe47649b1a6d64cb6a8696'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'verdict'
                            value: 'pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e7c5ae2b75f94dbd977dff6d3c2c2094'
                        key: {
                            sys_ui_action: 'fc8a436998d94aada4fd4aa7c4df3d5e'
                            sys_user_role: {
                                id: '91d4879002f248a18a5fac2e0d0ee984'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e7ddf1a777024c4eac79052619a973d4'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'decision_note'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e83488befc174edda77ec5e502bdbcd9'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'receipt'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e84be123b73c498ca824fc1968da3426'
                        key: {
                            sys_security_acl: 'fcc6cadcab974f738cce04f836ee7605'
                            sys_user_role: {
                                id: 'f57cd002007447bf8ef2045ca8b20e2a'
                                key: {
                                    name: 'x_seam_bridge.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'e90c82d7543748f29c691c4c33bc957c'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'direction'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e96fd2eb3d844c54b86d84f8e26ab450'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'week'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e9973a9312da41e784ad1306c0f73d3d'
                        key: {
                            name: 'problem'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ea558a0ab3c14cf481289e3a41152acb'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'started_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'eb27b12a742a4cbea7fdde61013c83df'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_customer_priority'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'eb724c62b69b467ebc8af6eb9ee9a2e7'
                        key: {
                            name: 'core_company'
                            element: 'x_seam_bridge_sf_account_id'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'ec465784f88a46d7a30d6799441e5f0a'
                        key: {
                            name: 'x_seam_bridge_outbox'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ece0b7d38bf046ac90b4ae121e3753b3'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'suggested_priority'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'ed42c55bd3804fa884116b1e07342a0f'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'review_queue_size'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ede09abd24a24730a57ec2ceb9de2517'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'http_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'ee904135b8574e8ba7cfcb01d007b2eb'
                        key: {
                            sys_ui_action: 'f7ba36a137d444709211ec6beaac1a09'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'eebcc2b2c7f747169a28de53ce7a2ef0'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'http_status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ef4fcd7b39944759ac81c1b74718902d'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'alert_priority'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ef5e2dfe1ef5416e97150fefb6c7b7e2'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_entitlement'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ef7c8be28b2e4043b1426b973e3c084e'
                        key: {
                            name: 'incident'
                            element: 'x_seam_bridge_sf_account_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ef8b590f113d4a90a7bdd4426e8082b1'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'effc598899f548b3bc038f3c6244e2e7'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'direction'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f00fe34d6c5344c4a971d630c6d95206'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'platform'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f02b0868b59d423d8819c3aad38178dd'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f0bed0d14a214d1bbdb892e876af5a43'
                        key: {
                            name: 'x_seam_bridge_audit'
                            element: 'detail'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f1607aaeb8a44342a70adf3b9cf40630'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'attempts'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'f1ead05934e647b6b33916e8b140b564'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'trigger'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f274e76f67694669a996e05961855929'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f27731aed09b4cb0b44ac135d0366641'
                        key: {
                            name: 'x_seam_bridge_ops_state'
                            element: 'name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f2825c60fc2442529c3024d36317032d'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                            value: 'pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f2d93e25b34940b19f0e7c1082c9fc14'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'sobject_type'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f3d1f0fbfec94c2593b6fd0487e9cb2d'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'sf_case_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f3fe1229e0064ca5b79062e10ee44c41'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_escalation_status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f54a3c387d88468890287fdda582fe67'
                        key: {
                            name: 'x_seam_bridge_customer_cache'
                            element: 'account_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f56d8367ab814a83bca1560a7fadd5c8'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'answer_lost_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'f57cd002007447bf8ef2045ca8b20e2a'
                        key: {
                            name: 'x_seam_bridge.integration'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f6dc9aeae07347349a6523da5cb32211'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'sys_attachment'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f7c4e5fff28b439797cf69d9de4cf95b'
                        key: {
                            name: 'x_seam_bridge_accuracy_review'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f839ca041e034a9b9de42e27ba7c6610'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f9b1675f998b42cbb612b06022ff67dd'
                        key: {
                            name: 'x_seam_bridge_link'
                            element: 'sync_state'
                            value: 'in_sync'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fa1c80e100e044ea8553ebeb7a63a8fd'
                        key: {
                            name: 'x_seam_bridge_attachment'
                            element: 'content_type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fb82c9c2164c406f953879ac6103c829'
                        key: {
                            name: 'problem'
                            element: 'x_seam_bridge_sf_case_id'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fbdb049c42af456ca94c77d1d862d3ec'
                        key: {
                            sys_security_acl: '24b7ee63899a4abd95d1007b6d419e65'
                            sys_user_role: {
                                id: '4dec3cb78b214f22823853b2105df7de'
                                key: {
                                    name: 'x_seam_bridge.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fbdebd3f7b10411e8f4ae88bfe56f9ba'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'asked_at'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'fd6f6d46b50046a9bbb6b614b741afd9'
                        key: {
                            sys_ui_action: '3865183436154f1a89cb88191115b3e0'
                            sys_user_role: {
                                id: '4715768e3103444f8104aabc6164b25c'
                                key: {
                                    name: 'x_seam_bridge.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fd8c9ee4f1d5479aa90acefc7bfbb89a'
                        key: {
                            name: 'x_seam_bridge_triage_review'
                            element: 'proposed_action'
                            value: 'keep_in_salesforce'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fe75b4663f944739ae59e7f020ff1faf'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'status'
                            value: 'held'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fe9de97a617042cc92bda76795e1f3e3'
                        key: {
                            name: 'x_seam_bridge_reconcile_run'
                            element: 'state'
                            value: 'throttled'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fea9fe8740f74ca094e1593f4ecddd51'
                        key: {
                            name: 'x_seam_bridge_kb_suggestion'
                            element: 'platform'
                            value: 'servicenow'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'ff060e2d4d58458ebb8de1a4e1f43c78'
                        key: {
                            list_id: {
                                id: '8f67410a63b545849948adc356eb73c2'
                                key: {
                                    name: 'x_seam_bridge_metric_snapshot'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'dead_letter_backlog'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ff9e53aeeac94dce854dfa64d71826ad'
                        key: {
                            name: 'x_seam_bridge_outbox'
                            element: 'kind'
                            value: 'impact_notice'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_rest_message_fn'
                        id: 'ffc866cd600f4f3d89a84a4ef43c5b14'
                        key: {
                            rest_message: 'af174471b1054d3bb9262b9d70927493'
                            function_name: 'post'
                        }
                    },
                ]
            }
        }
    }
}
