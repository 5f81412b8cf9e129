// The demo mission in French: the French title of every framework node and indicator, and the
// French drivers of change, critical conditions, descriptions and definitions where the English
// has them (docs/formats.md "Beyond the contract": the optional `_fr` columns). Kept beside
// mission.ts, by code, so the English stays as it was; demo tests check that nothing is missing.
// Place names are proper nouns and stay as they are.

/** The fictional country's name in French. */
export const COUNTRY_FR = 'République de Corvanie';

export interface DemoResultFr {
	title: string;
	driver?: string;
	condition?: string;
	description?: string;
}

export interface DemoIndicatorFr {
	title: string;
	definition: string;
}

export const FRAMEWORK_FR: Record<string, DemoResultFr> = {
	PO1: {
		title: 'Les civils des provinces de l’Est sont protégés contre les violences physiques',
		description: `Amberlake et Kestrelmark, les deux provinces de l’Est de la ${COUNTRY_FR} (fictive), où des groupes armés attaquent des villages, des routes et des sites de personnes déplacées.`
	},
	'PO1-IM1': {
		title: 'La menace que les groupes armés font peser sur les civils diminue',
		driver: 'La menace posée par les groupes armés diminue'
	},
	'PO1-OC1': {
		title: 'Les forces de sécurité nationales sont présentes dans les localités à haut risque',
		condition: 'Présence effective des forces de sécurité nationales'
	},
	'PO1-OP1': {
		title:
			'Patrouilles conjointes avec les forces de sécurité nationales menées dans les localités à haut risque'
	},
	'PO1-OP2': {
		title:
			'Bases opérationnelles temporaires déployées dans les points chauds pendant la saison sèche'
	},
	'PO1-OC2': {
		title:
			'Les autorités du pays hôte réagissent rapidement aux alertes de menaces contre les civils',
		condition: 'Chaîne d’alerte précoce et de réaction rapide fonctionnelle'
	},
	'PO1-OP3': {
		title:
			'Alertes de menaces contre les civils reçues, analysées et suivies d’effet dans les 24 heures'
	},
	'PO1-OP4': {
		title: 'Unités de la police et de l’armée nationales formées à la protection des civils'
	},
	'PO1-IM2': {
		title: 'Les engins explosifs font moins de victimes civiles',
		driver: 'La contamination des routes et des terres agricoles par les engins explosifs diminue'
	},
	'PO1-OC3': {
		title:
			'Les autorités nationales dépolluent les terres contaminées et les communautés connaissent les risques',
		condition: 'Capacités nationales de lutte antimines'
	},
	'PO1-OP5': {
		title: 'Forces de sécurité nationales formées à la réduction de la menace des engins explosifs'
	},
	PO2: {
		title:
			'Les communautés des hauts plateaux règlent sans violence leurs différends sur la terre et le bétail',
		description:
			'Les communautés d’agriculteurs et d’éleveurs des hauts plateaux de Kestrelmark s’affrontent pendant la saison sèche (de décembre à avril), lorsque les troupeaux empruntent les couloirs de transhumance.'
	},
	'PO2-IM1': {
		title: 'Les violences intercommunautaires entre agriculteurs et éleveurs diminuent',
		driver:
			'La concurrence pour la terre, l’eau et les couloirs de transhumance est gérée pacifiquement'
	},
	'PO2-OC1': {
		title: 'Les mécanismes locaux règlent les différends pacifiquement',
		condition: 'Mécanismes locaux de règlement des différends fonctionnels'
	},
	'PO2-OP1': { title: 'Dialogues intercommunautaires et séances de médiation appuyés' },
	'PO2-OC2': {
		title: 'Les communautés signalent tôt les menaces et agissent pour prévenir la violence',
		condition: 'Réseaux communautaires d’alerte précoce comptant des femmes parmi leurs membres'
	},
	'PO2-OP2': { title: 'Réseaux d’alerte communautaires mis en place, formés et équipés' },
	'PO2-OP3': { title: 'Couloirs de transhumance surveillés pendant la saison sèche' },
	'PO2-IM2': {
		title: 'Les personnes déplacées rentrent chez elles et la vie quotidienne reprend',
		driver: 'L’insécurité dans les champs, sur les marchés et le long des routes diminue'
	},
	'PO2-OC3': {
		title: 'Les zones de retour sont sûres et les marchés fonctionnent',
		condition: 'Sécurité et services de base dans les zones de retour'
	},
	'PO2-OP4': { title: 'Conditions du retour évaluées avec les partenaires humanitaires' },
	PO3: {
		title:
			'Un environnement protecteur est instauré, dans lequel les violations contre les civils sont prévenues et leurs auteurs amenés à rendre des comptes',
		description:
			'À l’échelle de la mission : violations des droits de l’homme, violences sexuelles liées aux conflits et violations graves contre les enfants, et la chaîne pénale qui y répond.'
	},
	'PO3-IM1': {
		title:
			'Les violations des droits de l’homme et du droit international humanitaire commises contre les civils diminuent',
		driver: 'L’impunité des auteurs, y compris parmi les forces de l’État, diminue'
	},
	'PO3-OC1': {
		title: 'Les auteurs de violations font l’objet d’enquêtes, de poursuites et de sanctions',
		condition: 'Chaîne pénale fonctionnelle dans les provinces'
	},
	'PO3-OP1': { title: 'Violations des droits de l’homme surveillées, documentées et signalées' },
	'PO3-OP2': { title: 'Audiences foraines et enquêtes sur les crimes graves appuyées' },
	'PO3-OC2': {
		title:
			'La population fait confiance aux autorités du pays hôte pour répondre à ses préoccupations de sécurité',
		condition: 'Confiance entre les communautés et les autorités du pays hôte'
	},
	'PO3-OP3': {
		title:
			'Forums communautaires de sécurité tenus avec la police, les autorités locales et les associations de femmes'
	},
	'PO3-IM2': {
		title: 'Les enfants sont protégés contre les violations graves',
		driver: 'Le recrutement et l’utilisation d’enfants par les groupes armés diminuent'
	},
	'PO3-OC3': {
		title: 'Les enfants sont libérés des groupes armés et réintégrés',
		condition: 'Capacités de protection et de réintégration des enfants'
	},
	'PO3-OP4': {
		title:
			'Plans d’action visant à mettre fin au recrutement d’enfants négociés avec les groupes armés et suivis'
	}
};

export const INDICATORS_FR: Record<string, DemoIndicatorFr> = {
	'1.2.1': {
		title:
			'Diminution du nombre de victimes civiles recensées (morts violentes et blessés) pour 100 000 habitants dans le pays',
		definition:
			'Civils tués ou blessés lors d’incidents violents au cours du mois, pour 100 000 habitants de la zone ; les lignes donnent le nombre de victimes et le taux utilise la population de la zone.'
	},
	'1.1.1': {
		title:
			'Diminution du nombre de violations des accords de cessez-le-feu par les parties au conflit (au niveau national et/ou local)',
		definition:
			'Violations du cessez-le-feu (fictif) du lac Ambrel enregistrées au cours du mois, selon la partie qui les a commises.'
	},
	'1.3.6': {
		title:
			'Diminution du nombre et de la proportion de personnes qui pensent que les groupes armés ont l’intention et les moyens de commettre des violences physiques contre les communautés civiles',
		definition:
			'Part des personnes interrogées estimant que les groupes armés ont l’intention et les moyens d’attaquer leur communauté ; enquête auprès des ménages par province, deux fois par an.'
	},
	'1.2.2': {
		title:
			'Diminution du nombre de victimes civiles imputables aux mines terrestres et autres restes explosifs de guerre (REG), y compris les engins explosifs improvisés (EEI), pour 100 000 habitants dans le pays',
		definition:
			'Civils tués ou blessés par des engins explosifs au cours du mois, pour 100 000 habitants.'
	},
	'1.3.5': {
		title:
			'Diminution de la superficie totale contaminée (au cours de la période considérée) par les mines terrestres et autres restes explosifs de guerre (REG), y compris les EEI',
		definition:
			'Superficie dont la contamination est connue ou soupçonnée à la fin du trimestre, par territoire ; les valeurs des provinces et de la mission sont la moyenne par territoire.'
	},
	'PO1-K1': {
		title:
			'Augmentation du pourcentage de localités à haut risque où les forces de sécurité nationales sont effectivement présentes',
		definition:
			'Localités à haut risque (liste de la JMAC) où les forces nationales ont été présentes au moins 20 jours chaque mois du trimestre, sur l’ensemble des localités à haut risque.'
	},
	'2.2.2': {
		title:
			'Augmentation du nombre et de la proportion de réactions rapides efficaces des autorités du pays hôte à la suite d’alertes de menaces contre les civils, c’est-à-dire lorsque des violences imminentes ou en cours ont été arrêtées',
		definition:
			'Alertes après lesquelles les autorités du pays hôte ont agi et les violences ont été arrêtées, sur l’ensemble des alertes reçues au cours du mois.'
	},
	'2.2.3': {
		title:
			'Diminution du délai moyen de réaction des autorités du pays hôte aux alertes de menaces contre les civils',
		definition:
			'Nombre moyen de jours entre la réception de l’alerte et l’action des autorités du pays hôte, pour les alertes traitées au cours du mois : chaque valeur est le total des jours (numérateur) sur le nombre d’alertes (dénominateur).'
	},
	'2.2.6': {
		title:
			'Augmentation de la superficie débarrassée des mines terrestres et des restes explosifs de guerre (REG) par les autorités du pays hôte',
		definition:
			'Superficie dépolluée et remise à disposition par les équipes nationales de lutte antimines au cours du trimestre.'
	},
	'PO1-K2': {
		title:
			'Augmentation du nombre moyen de patrouilles conjointes avec les forces de sécurité nationales par mois dans chaque territoire',
		definition:
			'Patrouilles de jour et de nuit menées conjointement avec les forces nationales au cours du mois.'
	},
	'PO1-K3': {
		title:
			'Augmentation du nombre d’alertes de menaces contre les civils auxquelles la mission a réagi dans les 24 heures',
		definition:
			'Alertes ayant donné lieu, dans les 24 heures, à une patrouille, à un déploiement ou à une démarche de la mission.'
	},
	'2.3.5': {
		title:
			'Augmentation du nombre et de la proportion de membres des forces nationales de sécurité et de défense formés à la réduction et à la gestion de la menace des engins explosifs',
		definition: 'Membres des forces nationales ayant achevé la formation au cours du trimestre.'
	},
	'1.2.7': {
		title:
			'Diminution du nombre recensé de civils tués lors de violences inter- ou intracommunautaires pour 100 000 habitants dans le pays',
		definition:
			'Civils tués lors d’affrontements entre communautés au cours du mois, pour 100 000 habitants.'
	},
	'1.2.8': {
		title: 'Diminution du nombre d’incidents de violence inter- ou intracommunautaire',
		definition:
			'Incidents violents entre communautés (attaques, vols de bétail avec violence, meurtres par vengeance).'
	},
	'3.2.5': {
		title:
			'Augmentation du nombre et de la proportion de personnes qui déclarent faire davantage confiance aux membres d’autres communautés',
		definition:
			'Part des personnes interrogées qui feraient confiance à un membre d’une autre communauté pour régler équitablement un différend.'
	},
	'1.2.11': {
		title:
			'Diminution du nombre total de personnes déplacées internes (PDI) et de réfugiés recensés, ainsi que de leur proportion dans la population totale',
		definition:
			'Personnes déplacées internes présentes dans le territoire à la fin du trimestre (un stock : dans le temps, c’est la dernière valeur qui compte, pas la somme).'
	},
	'3.3.4': {
		title:
			'Augmentation de la proportion d’activités quotidiennes qui ont repris (par exemple marchés rouverts, champs de nouveau cultivés, scolarisation)',
		definition:
			'Marchés hebdomadaires ouverts au cours du trimestre, sur les marchés ouverts avant la crise.'
	},
	'3.1.1': {
		title:
			'Augmentation du nombre et de la proportion de différends que les victimes soumettent à des mécanismes de règlement des différends (traditionnels/informels ou institutionnels/formels) et qui sont ainsi réglés pacifiquement',
		definition:
			'Différends réglés sans violence, sur les différends soumis aux mécanismes locaux au cours du trimestre.'
	},
	'3.2.1': {
		title:
			'Augmentation du nombre et de la proportion de territoires dotés de systèmes communautaires d’alerte précoce efficaces',
		definition:
			'Chaque territoire déclare 1 sur 1 lorsque son réseau d’alerte a transmis une alerte suivie d’effet au cours du trimestre, sinon 0 sur 1 ; les provinces et la mission en font la somme.'
	},
	'3.2.2': {
		title:
			'Augmentation du nombre et de la proportion de mécanismes locaux d’alerte précoce dont les membres actifs comptent au moins 30 % de femmes',
		definition:
			'Comités locaux d’alerte précoce comptant au moins 30 % de femmes parmi leurs membres actifs.'
	},
	'PO2-K1': {
		title:
			'Augmentation du nombre de séances de dialogue intercommunautaire et de médiation appuyées par la mission',
		definition:
			'Séances de dialogue et de médiation tenues avec l’appui de la mission au cours du mois.'
	},
	'PO2-K2': {
		title: 'Augmentation du nombre de points focaux des réseaux d’alerte communautaires formés',
		definition:
			'Points focaux ayant suivi la formation sur les réseaux d’alerte au cours du trimestre.'
	},
	'1.2.4': {
		title:
			'Diminution du nombre d’incidents recensés de violations du DIH et du DIDH portant atteinte au droit à la vie et à l’intégrité physique de la population civile, pour 100 000 habitants dans le pays',
		definition:
			'Incidents de meurtre, de blessure, de torture ou de mauvais traitements infligés à des civils, enregistrés par la mission au cours du mois, pour 100 000 habitants.'
	},
	'1.2.5': {
		title:
			'Diminution du nombre de victimes recensées de violences sexuelles liées aux conflits, pour 100 000 habitants dans le pays',
		definition:
			'Victimes de violences sexuelles liées aux conflits enregistrées au cours du trimestre, pour 100 000 habitants. Restreint : de petits effectifs peuvent permettre d’identifier des personnes.'
	},
	'1.3.7': {
		title:
			'Augmentation de la proportion de filles et de femmes interrogées qui déclarent se sentir en sécurité pour sortir seules de chez elles le jour/la nuit',
		definition:
			'Part des femmes et des filles (15 ans et plus) qui se sentent en sécurité pour sortir seules de chez elles de jour et de nuit.'
	},
	'1.2.6': {
		title:
			'Diminution du nombre de violations graves contre les enfants (en distinguant les cas vérifiés et non vérifiés), à savoir : meurtres ou mutilations ; recrutement ou utilisation d’enfants soldats ; violences sexuelles ; attaques contre des écoles et des hôpitaux ; refus d’accès humanitaire ; enlèvements d’enfants',
		definition:
			'Violations graves contre les enfants documentées au cours du mois ; les derniers mois sont en partie non vérifiés. Restreint : de petits effectifs peuvent permettre d’identifier des enfants.'
	},
	'1.3.2': {
		title:
			'Augmentation du nombre d’enfants libérés des groupes armés ainsi que des forces de sécurité nationales (en distinguant les cas vérifiés et non vérifiés)',
		definition:
			'Enfants libérés et remis aux acteurs de la protection de l’enfance au cours du trimestre.'
	},
	'2.3.1': {
		title:
			'Augmentation du nombre et de la proportion de cas de violations du DIH et du droit à la vie et à l’intégrité physique (y compris les violences sexuelles liées aux conflits et les violations graves contre les enfants) signalés aux services nationaux de maintien de l’ordre et ayant donné lieu à une arrestation et à des poursuites',
		definition:
			'Cas ayant donné lieu à une arrestation et à des poursuites, sur les cas signalés à la police au cours du trimestre ; déclarés par province.'
	},
	'2.3.4': {
		title:
			'Augmentation du nombre de mesures correctives prises par l’État hôte face aux violations du DIH et du DIDH commises par les forces nationales de sécurité et de défense',
		definition:
			'Arrestations, enquêtes, poursuites, condamnations et sanctions disciplinaires visant des membres des forces de l’État, dans tout le pays.'
	},
	'2.3.2': {
		title:
			'Augmentation de la proportion de personnes qui déclarent faire davantage confiance au gouvernement du pays hôte pour répondre aux préoccupations en matière de sécurité',
		definition:
			'Enquête nationale. Le libellé du DOP ajoute « pour 100 000 habitants » ; retiré ici, car il s’agit d’une part des personnes interrogées.'
	},
	'PO3-K1': {
		title:
			'Augmentation du nombre de missions de surveillance des droits de l’homme et d’établissement des faits menées',
		definition: 'Missions de surveillance et d’établissement des faits déployées au cours du mois.'
	},
	'PO3-K2': {
		title:
			'Augmentation du nombre d’affaires entendues lors des audiences foraines appuyées par la mission',
		definition:
			'Affaires entendues lors des audiences foraines dans la province au cours du trimestre.'
	}
};
