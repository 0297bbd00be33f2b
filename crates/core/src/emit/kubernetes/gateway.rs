//! The entry point: a Gateway API `Gateway` and its `HTTPRoute`s.

use super::names::*;
use super::yaml::{quoted, Yaml};
use crate::base::text::{tx, Lang};

/// A value the user must set: Gateway classes differ from cloud to cloud.
pub const CLASS_PLACEHOLDER: &str = "change-me";

pub fn gateway(domain: &str, lang: Lang) -> String {
    let host = quoted(domain);
    let mut y = Yaml::new();
    y.comment(0, tx(
        "Le point d'entrée : une route de la Gateway API (gateway.networking.k8s.io/v1), pas ingress-nginx, que le SIG Network a retiré (sa maintenance a cessé en mars 2026). Source, palier 5 : le répartiteur de charge devant l'API. La Gateway crée le répartiteur de votre cloud ; /api va à l'API, le reste au front-end, HTTP redirige vers HTTPS.\nSans contrôleur Gateway dans votre cluster : un Service de type LoadBalancer devant le Service web, le front-end relayant alors /api lui-même.",
        "The entry point: a Gateway API route (gateway.networking.k8s.io/v1), not ingress-nginx, which SIG Network retired (its maintenance ended in March 2026). Source, tier 5: the load balancer in front of the API. The Gateway makes your cloud's load balancer; /api goes to the API, the rest to the front end, HTTP redirects to HTTPS.\nWithout a Gateway controller in your cluster: a Service of type LoadBalancer in front of the web Service, the front end then relaying /api itself.",
    ).get(lang));
    y.line(0, "apiVersion: gateway.networking.k8s.io/v1");
    y.line(0, "kind: Gateway");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {GATEWAY}"));
    y.line(0, "spec:");
    y.field(
        2,
        "gatewayClassName",
        CLASS_PLACEHOLDER,
        tx(
            "À RÉGLER : la classe de votre cloud, voir kubectl get gatewayclass",
            "TO SET: your cloud's class, see kubectl get gatewayclass",
        )
        .get(lang),
    );
    y.line(2, "listeners:");
    y.line(4, "- name: http");
    y.line(6, "protocol: HTTP");
    y.line(6, "port: 80");
    y.line(6, &format!("hostname: {host}"));
    y.line(4, "- name: https");
    y.line(6, "protocol: HTTPS");
    y.line(6, "port: 443");
    y.line(6, &format!("hostname: {host}"));
    y.line(6, "tls:");
    y.line(8, "mode: Terminate");
    y.line(8, "certificateRefs:");
    y.comment(
        10,
        tx(
            "Le certificat, par référence : créé par secrets.example.sh (ou cert-manager).",
            "The certificate, by reference: made by secrets.example.sh (or cert-manager).",
        )
        .get(lang),
    );
    y.line(10, "- kind: Secret");
    y.line(12, &format!("name: {TLS_SECRET}"));
    y.separator();
    y.line(0, "apiVersion: gateway.networking.k8s.io/v1");
    y.line(0, "kind: HTTPRoute");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {GATEWAY}"));
    y.line(0, "spec:");
    y.line(2, "parentRefs:");
    y.line(4, &format!("- name: {GATEWAY}"));
    y.line(6, "sectionName: https");
    y.line(2, "hostnames:");
    y.line(4, &format!("- {host}"));
    y.line(2, "rules:");
    y.line(4, "- matches:");
    y.line(8, "- path:");
    y.line(12, "type: PathPrefix");
    y.line(12, "value: /api");
    y.line(6, "backendRefs:");
    y.line(8, &format!("- name: {API}"));
    y.line(10, &format!("port: {API_PORT}"));
    y.comment(
        4,
        tx(
            "Tout le reste : le front-end.",
            "Everything else: the front end.",
        )
        .get(lang),
    );
    y.line(4, "- backendRefs:");
    y.line(8, &format!("- name: {WEB}"));
    y.line(10, &format!("port: {WEB_PORT}"));
    y.separator();
    y.line(0, "apiVersion: gateway.networking.k8s.io/v1");
    y.line(0, "kind: HTTPRoute");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {GATEWAY}-https-redirect"));
    y.line(0, "spec:");
    y.line(2, "parentRefs:");
    y.line(4, &format!("- name: {GATEWAY}"));
    y.line(6, "sectionName: http");
    y.line(2, "hostnames:");
    y.line(4, &format!("- {host}"));
    y.line(2, "rules:");
    y.line(4, "- filters:");
    y.line(8, "- type: RequestRedirect");
    y.line(10, "requestRedirect:");
    y.line(12, "scheme: https");
    y.line(12, "statusCode: 301");
    y.finish()
}
