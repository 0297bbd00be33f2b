//! The special considerations: what to watch on the host and when.

use crate::base::text::{tx, Text};
use crate::base::units::Euros;
use crate::source::hardware::Host;

/// A topic of the source's special considerations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Consideration {
    pub title: Text,
    pub summary: Text,
    pub points: &'static [Text],
    pub commands: &'static [(Text, &'static str)],
    /// The hosts it concerns.
    pub hosts: &'static [Host],
    /// It matters from this many users on.
    pub from_users: Option<u32>,
    pub price: Option<Euros>,
}

impl Consideration {
    pub fn applies(&self, host: Host, users: u32) -> bool {
        self.hosts.contains(&host) && self.from_users.is_none_or(|from| users >= from)
    }
}

/// Source, section 6, "Considérations Spéciales", and the Pi's memory
/// cgroup, without which Docker ignores every `mem_limit`.
pub const CONSIDERATIONS: [Consideration; 4] = [
    Consideration {
        title: tx("Chaleur", "Heat"),
        summary: tx(
            "Sous forte charge, le Pi 4 B chauffe.",
            "Under sustained load, the Pi 4 B runs hot.",
        ),
        points: &[
            tx("Poser un dissipateur passif (~10 €)", "Fit a passive heatsink (~€10)"),
            tx("Prévoir un ventilateur à partir de 70 °C", "Add a fan from 70 °C on"),
        ],
        commands: &[
            (tx("Lire la température", "Read the temperature"), "vcgencmd measure_temp"),
            (
                tx("Brider le processeur s'il chauffe trop", "Throttle the CPU when it runs too hot"),
                "echo \"powersave\" | sudo tee /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor",
            ),
        ],
        hosts: &[Host::Pi4],
        from_users: None,
        price: Some(Euros::about(10)),
    },
    Consideration {
        title: tx("Réseau", "Network"),
        summary: tx(
            "Le réseau peut devenir le goulot à partir de 500 utilisateurs environ.",
            "The network may become the bottleneck from about 500 users.",
        ),
        points: &[
            tx(
                "Viser au moins 10 Mbit/s en envoi (upload)",
                "Aim for at least 10 Mbps of upload",
            ),
            tx(
                "Le Pi 4 peut remplir un lien Gigabit Ethernet, soit ~125 Mo/s",
                "The Pi 4 can fill a Gigabit Ethernet link, about 125 MB/s",
            ),
        ],
        commands: &[
            (tx("Sur le serveur", "On the server"), "iperf3 -s"),
            (tx("Depuis une autre machine", "From another machine"), "iperf3 -c <server-ip> -t 30"),
        ],
        hosts: &[Host::Pi4, Host::MiniPc],
        from_users: Some(500),
        price: None,
    },
    Consideration {
        title: tx("Bruit", "Noise"),
        summary: tx(
            "Pour un serveur allumé en permanence, choisir un mini PC sans ventilateur.",
            "For a server that runs all the time, pick a fanless mini PC.",
        ),
        points: &[],
        commands: &[],
        hosts: &[Host::Pi4, Host::MiniPc],
        from_users: None,
        price: None,
    },
    Consideration {
        title: tx("Limites mémoire", "Memory limits"),
        summary: tx(
            "Sans le cgroup mémoire, absent par défaut sur Raspberry Pi OS, Docker ignore tous les mem_limit.",
            "Without the memory cgroup, off by default on Raspberry Pi OS, Docker ignores every mem_limit.",
        ),
        points: &[tx(
            "Avant l'override : cgroup_enable=memory cgroup_memory=1 dans cmdline.txt, puis redémarrer",
            "Before the override: cgroup_enable=memory cgroup_memory=1 in cmdline.txt, then reboot",
        )],
        commands: &[
            (
                tx("Vérifier (rien ne s'affiche : les limites s'appliquent)", "Check (no output: limits apply)"),
                "docker info 2>&1 | grep -i 'memory limit'",
            ),
            (
                tx("Activer", "Enable"),
                "sudo sed -i '1 s/$/ cgroup_enable=memory cgroup_memory=1/' /boot/firmware/cmdline.txt && sudo reboot",
            ),
        ],
        hosts: &[Host::Pi4],
        from_users: None,
        price: None,
    },
];
