import type { ReportLanguage } from '../figures/figures.types.js';

type Texts = Record<ReportLanguage, string>;

/** Labels of the figures, in the three languages of the readers. */
export const FIGURE_LABELS: Record<string, Texts> = {
  spacesActive: { nl: 'Actieve ruimtes', fr: 'Espaces actifs', en: 'Active spaces' },
  spacesReporting: {
    nl: 'Ruimtes die activiteit meldden',
    fr: 'Espaces ayant rapporté leur activité',
    en: 'Spaces reporting activity',
  },
  spacesLabelled: { nl: 'Ruimtes met een label', fr: 'Espaces labellisés', en: 'Labelled spaces' },
  municipalitiesCovered: {
    nl: 'Gemeenten met een ruimte',
    fr: 'Communes couvertes',
    en: 'Municipalities covered',
  },
  municipalitiesTotal: { nl: 'Gemeenten', fr: 'Communes', en: 'Municipalities' },
  inhabitants: { nl: 'Inwoners', fr: 'Habitants', en: 'Inhabitants' },
  avgWeeklyOpeningHours: {
    nl: 'Gemiddelde openingsuren per week',
    fr: "Heures d'ouverture hebdomadaires moyennes",
    en: 'Average weekly opening hours',
  },
  avgWeeklyHoursWithAnimator: {
    nl: 'Waarvan uren met een animator',
    fr: 'Dont heures avec un animateur',
    en: 'Of which hours with an animator',
  },
  avgAnimatorsPresent: {
    nl: 'Gemiddeld aantal aanwezige animatoren',
    fr: "Nombre moyen d'animateurs présents",
    en: 'Average animators present',
  },
  visits: {
    nl: 'Bezoeken (individuele toegang)',
    fr: 'Accès individuels',
    en: 'Visits (individual accesses)',
  },
  mobileActions: { nl: 'Mobiele acties', fr: 'Actions mobiles', en: 'Mobile actions' },
  trainingSessions: { nl: 'Opleidingen', fr: 'Formations', en: 'Training sessions' },
  trainingHours: { nl: 'Opleidingsuren', fr: 'Heures de formation', en: 'Training hours' },
  trainingParticipations: {
    nl: 'Deelnames aan opleidingen',
    fr: 'Participations aux formations',
    en: 'Training participations',
  },
  trainingUsers: { nl: 'Nieuwe deelnemers', fr: 'Nouveaux participants', en: 'New participants' },
  computers: { nl: 'Computers', fr: 'Ordinateurs', en: 'Computers' },
  tablets: { nl: 'Tablets', fr: 'Tablettes', en: 'Tablets' },
  avgComputersPerSpace: {
    nl: 'Gemiddeld aantal computers per ruimte',
    fr: 'Ordinateurs par espace en moyenne',
    en: 'Average computers per space',
  },
  animators: { nl: 'Animatoren', fr: 'Animateurs', en: 'Animators' },
  animatorFte: { nl: 'Animatoren (VTE)', fr: 'Animateurs (ETP)', en: 'Animators (FTE)' },
  animatorFtePer10k: {
    nl: 'Animator-VTE per 10.000 inwoners',
    fr: 'ETP animateur pour 10 000 habitants',
    en: 'Animator FTE per 10,000 inhabitants',
  },
  avgMunicipalSupportPct: {
    nl: 'Gemiddelde gemeentelijke steun (%)',
    fr: 'Soutien communal moyen (%)',
    en: 'Average municipal support (%)',
  },
  fundingTotalEur: {
    nl: 'Financiering in totaal (EUR)',
    fr: 'Financement total (EUR)',
    en: 'Total funding (EUR)',
  },
  projectFundingEndingNextYear: {
    nl: 'Ruimtes waarvan de projectfinanciering volgend jaar afloopt',
    fr: "Espaces dont le financement de projet se termine l'an prochain",
    en: 'Spaces whose project funding ends next year',
  },
  'visitPurposePct.ictLearning': {
    nl: 'Doel: digitale vaardigheden leren (%)',
    fr: 'Motif : apprentissage numérique (%)',
    en: 'Purpose: ICT learning (%)',
  },
  'visitPurposePct.jobSearch': {
    nl: 'Doel: werk zoeken (%)',
    fr: "Motif : recherche d'emploi (%)",
    en: 'Purpose: job search (%)',
  },
  'visitPurposePct.leisureCulture': {
    nl: 'Doel: vrije tijd en cultuur (%)',
    fr: 'Motif : loisirs et culture (%)',
    en: 'Purpose: leisure and culture (%)',
  },
  'visitPurposePct.housingElearning': {
    nl: 'Doel: wonen en e-learning (%)',
    fr: 'Motif : logement et e-learning (%)',
    en: 'Purpose: housing and e-learning (%)',
  },
  'visitPurposePct.administrative': {
    nl: 'Doel: administratie (%)',
    fr: 'Motif : démarches administratives (%)',
    en: 'Purpose: administrative (%)',
  },
  'visitorProfilePct.women': {
    nl: 'Bezoekers: vrouwen (%)',
    fr: 'Visiteurs : femmes (%)',
    en: 'Visitors: women (%)',
  },
  'visitorProfilePct.jobSeekers': {
    nl: 'Bezoekers: werkzoekenden (%)',
    fr: "Visiteurs : demandeurs d'emploi (%)",
    en: 'Visitors: job seekers (%)',
  },
  'visitorProfilePct.seniors': {
    nl: 'Bezoekers: 65-plussers (%)',
    fr: 'Visiteurs : 65 ans et plus (%)',
    en: 'Visitors: seniors 65+ (%)',
  },
  'visitorProfilePct.youth': {
    nl: 'Bezoekers: jongeren onder 26 (%)',
    fr: 'Visiteurs : jeunes de moins de 26 ans (%)',
    en: 'Visitors: youth under 26 (%)',
  },
};

export const PURPOSE_LABELS: Record<string, Texts> = {
  ictLearning: { nl: 'Digitale vaardigheden', fr: 'Apprentissage numérique', en: 'ICT learning' },
  jobSearch: { nl: 'Werk zoeken', fr: "Recherche d'emploi", en: 'Job search' },
  leisureCulture: { nl: 'Vrije tijd en cultuur', fr: 'Loisirs et culture', en: 'Leisure and culture' },
  housingElearning: { nl: 'Wonen en e-learning', fr: 'Logement et e-learning', en: 'Housing and e-learning' },
  administrative: { nl: 'Administratie', fr: 'Démarches administratives', en: 'Administrative' },
};

export const PROFILE_LABELS: Record<string, Texts> = {
  women: { nl: 'Vrouwen', fr: 'Femmes', en: 'Women' },
  jobSeekers: { nl: 'Werkzoekenden', fr: "Demandeurs d'emploi", en: 'Job seekers' },
  seniors: { nl: '65-plussers', fr: '65 ans et plus', en: 'Seniors (65+)' },
  youth: { nl: 'Jongeren (onder 26)', fr: 'Jeunes (moins de 26 ans)', en: 'Youth (under 26)' },
};

export const REGION_NAMES: Record<string, Texts> = {
  BRU: {
    nl: 'Brussels Hoofdstedelijk Gewest',
    fr: 'Région de Bruxelles-Capitale',
    en: 'Brussels-Capital Region',
  },
  WAL: { nl: 'Waals Gewest', fr: 'Région wallonne', en: 'Walloon Region' },
  VLA: { nl: 'Vlaams Gewest', fr: 'Région flamande', en: 'Flemish Region' },
  BE: { nl: 'België', fr: 'Belgique', en: 'Belgium' },
};

export const FUNDING_SOURCE_LABELS: Record<string, Texts> = {
  municipality: { nl: 'Gemeente', fr: 'Commune', en: 'Municipality' },
  cpas: { nl: 'OCMW', fr: 'CPAS', en: 'Public social welfare centre' },
  region: { nl: 'Gewest', fr: 'Région', en: 'Region' },
  community: { nl: 'Gemeenschap', fr: 'Communauté', en: 'Community' },
  federal: { nl: 'Federale overheid', fr: 'Fédéral', en: 'Federal' },
  eu: { nl: 'Europese Unie', fr: 'Union européenne', en: 'European Union' },
  private: { nl: 'Privé', fr: 'Privé', en: 'Private' },
  own_income: { nl: 'Eigen inkomsten', fr: 'Recettes propres', en: 'Own income' },
  other: { nl: 'Andere', fr: 'Autre', en: 'Other' },
};

/** Sentences and headings of the report. */
export const TEXTS = {
  title: {
    nl: 'Regionaal rapport openbare computerruimtes',
    fr: 'Rapport régional des espaces publics numériques',
    en: 'Regional report on public computer spaces',
  },
  audienceInternal: { nl: 'Interne versie', fr: 'Version interne', en: 'Internal edition' },
  audiencePublic: {
    nl: 'Publieke versie: kleine aantallen zijn afgeschermd',
    fr: 'Version publique : les petits nombres sont masqués',
    en: 'Public edition: small counts are protected',
  },
  headline: { nl: 'Kerncijfers', fr: 'Chiffres clés', en: 'Headline figures' },
  headlineCaption: {
    nl: 'Kerncijfers en verschil met het vorige jaar',
    fr: "Chiffres clés et évolution par rapport à l'année précédente",
    en: 'Headline figures and change from the previous year',
  },
  figure: { nl: 'Cijfer', fr: 'Indicateur', en: 'Figure' },
  /** Header of the XLSX column that holds the figure's JSON key (figures.md), kept as is for matching. */
  figureKey: { nl: 'Sleutel (API)', fr: 'Clé (API)', en: 'Key (API)' },
  /** XLSX sheet names: at most 31 characters, none of `[]:*?/\`. */
  figuresSheet: { nl: 'Cijfers', fr: 'Indicateurs', en: 'Figures' },
  municipalitiesSheet: { nl: 'Gemeenten', fr: 'Communes', en: 'Municipalities' },
  change: { nl: 'Verschil', fr: 'Évolution', en: 'Change' },
  visitsHeading: { nl: 'Bezoeken', fr: 'Fréquentation', en: 'Visits' },
  purposesChart: { nl: 'Doel van de bezoeken', fr: 'Motifs des visites', en: 'Visit purposes' },
  profileChart: { nl: 'Profiel van de bezoekers', fr: 'Profil des visiteurs', en: 'Visitor profile' },
  chartShare: { nl: 'aandeel in procent', fr: 'part en pourcentage', en: 'share in per cent' },
  municipalities: {
    nl: 'Gemeenten en de norm van één animator per 10.000 inwoners',
    fr: 'Communes et norme d’un animateur pour 10 000 habitants',
    en: 'Municipalities and the norm of one animator per 10,000 inhabitants',
  },
  municipalitiesCaption: {
    nl: 'Animator-VTE per gemeente tegenover de norm van 1 per 10.000 inwoners',
    fr: 'ETP animateur par commune face à la norme de 1 pour 10 000 habitants',
    en: 'Animator FTE per municipality against the norm of 1 per 10,000 inhabitants',
  },
  nisCode: { nl: 'NIS-code', fr: 'Code INS', en: 'NIS code' },
  municipality: { nl: 'Gemeente', fr: 'Commune', en: 'Municipality' },
  gap: { nl: 'Tekort tegenover de norm (VTE)', fr: 'Écart à la norme (ETP)', en: 'Gap to the norm (FTE)' },
  funding: { nl: 'Financiering', fr: 'Financement', en: 'Funding' },
  fundingCaption: {
    nl: 'Financieringsmix per bron',
    fr: 'Répartition du financement par source',
    en: 'Funding mix by source',
  },
  source: { nl: 'Bron', fr: 'Source', en: 'Source' },
  amount: { nl: 'Bedrag (EUR)', fr: 'Montant (EUR)', en: 'Amount (EUR)' },
  share: { nl: 'Aandeel (%)', fr: 'Part (%)', en: 'Share (%)' },
  noFunding: {
    nl: 'Geen financiering gemeld.',
    fr: 'Aucun financement communiqué.',
    en: 'No funding reported.',
  },
  ending: {
    nl: 'Ruimtes waarvan de projectfinanciering volgend jaar afloopt',
    fr: "Espaces dont le financement de projet se termine l'an prochain",
    en: 'Spaces whose project funding ends next year',
  },
  endingCaption: {
    nl: 'Projectfinanciering die afloopt zonder structurele financiering',
    fr: 'Financements de projet qui se terminent sans financement structurel',
    en: 'Project funding ending without structural funding',
  },
  noEnding: { nl: 'Geen enkele ruimte.', fr: 'Aucun espace.', en: 'No space.' },
  space: { nl: 'Ruimte', fr: 'Espace', en: 'Space' },
  endsOn: { nl: 'Einddatum', fr: 'Date de fin', en: 'Ends on' },
  notReported: { nl: 'niet gemeld', fr: 'non communiqué', en: 'not reported' },
  /** Legend of the dash shown for a municipality without any space (nothing could be reported there). */
  noSpaceLegend: {
    nl: '— geen ruimte in deze gemeente',
    fr: '— aucun espace dans cette commune',
    en: '— no space in this municipality',
  },
  withheld: { nl: 'afgeschermd', fr: 'masqué', en: 'withheld' },
  smallCount: { nl: 'minder dan 5', fr: 'moins de 5', en: 'fewer than 5' },
  suppressionNote: {
    nl: '"<5": minder dan 5 bezoekers; "afgeschermd": weggelaten zodat een klein aantal niet kan worden herberekend.',
    fr: '« <5 » : moins de 5 visiteurs ; « masqué » : omis pour qu’un petit nombre ne puisse pas être recalculé.',
    en: '"<5": fewer than 5 visitors; "withheld": left out so that a small count cannot be recomputed.',
  },
} satisfies Record<string, Texts>;

export const LOCALES: Record<ReportLanguage, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** What sits between a label and its value: French typography puts a space before the colon. */
export const COLON: Record<ReportLanguage, string> = { nl: ': ', fr: ' : ', en: ': ' };
