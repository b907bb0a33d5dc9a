/** The one Dutch message catalogue for the interface. Views take their texts from here. */
export const nl = {
  app: {
    name: "Samenkracht",
    tagline: "Sturen in het sociaal domein: van beleidsdoel tot wijk, en terug naar de raad.",
  },
  layout: {
    skipLink: "Naar de hoofdinhoud",
    mainNav: "Hoofdnavigatie",
    breadcrumbs: "Kruimelpad",
    footerAbout: "Samenkracht is open source software (EUPL-1.2).",
    footerApi: "Open data-API (OpenAPI)",
    loggedInAs: (name: string) => `Ingelogd als ${name}`,
  },
  nav: {
    home: "Home",
    areas: "Gebieden",
    policy: "Beleid",
    monitor: "Monitor",
    organisations: "Organisaties",
    subsidies: "Subsidies",
    search: "Zoeken",
    partner: "Mijn organisatie",
    reports: "Verantwoordingen",
    audit: "Audittrail",
    users: "Gebruikers",
    tokens: "API-tokens",
    mail: "E-mail",
    login: "Inloggen",
    logout: "Uitloggen",
    account: "Mijn account",
  },
  home: {
    title: "Welkom bij Samenkracht",
    intro: (municipality: string) =>
      `Samenkracht laat zien wat de gemeente ${municipality} in het sociaal domein wil bereiken, wat er in de wijken gebeurt en hoe het ervoor staat.`,
    population: (count: string, year: number) => `${count} inwoners (1 januari ${year}, bron: CBS)`,
    areasLink: "Bekijk de gebieden en wijken",
    areasSummary: (gebieden: number, wijken: number) => `${gebieden} gebieden en ${wijken} wijken`,
    /** One section per kind of visitor, each leading to what that visitor came for. */
    residents: {
      title: "Voor inwoners",
      text: "Zie hoeveel mensen er in uw wijk wonen en hoe het daar gaat, en wat de gemeente in de wijken doet.",
      wijkLabel: "Uw wijk",
      wijkChoose: "Kies uw wijk",
      wijkButton: "Bekijk uw wijk",
      wijkUnknown: "Kies een wijk uit de lijst.",
      searchLabel: "Zoekterm",
      searchHelp: "Zoek op een woord of een onderwerp.",
      searchButton: "Zoeken",
    },
    council: {
      title: "Voor raadsleden",
      text: "Het kader dat de raad heeft vastgesteld, hoe het ervoor staat en wat er is gedaan.",
      framework: (title: string) => `Het beleidskader: ${title}`,
      evaluation: (year: number) => `Evaluatie van het beleidskader over ${year}`,
      annualReport: (title: string) => `Jaarverslag bij ${title}`,
      monitor: "De monitor: indicatoren en cijfers per wijk",
      allDocuments: "Alle beleidsdocumenten",
    },
    staff: {
      title: "Voor medewerkers van de gemeente",
      loggedOut:
        "Log in om metingen te importeren, beleid en wijkgegevens bij te werken of gebruikers te beheren (wat u mag, hangt af van uw rol).",
      login: "Inloggen",
      import: "Metingen importeren in de monitor",
      reports: "Verantwoordingen: te laat, binnenkort, te beoordelen",
      subsidies: "Subsidiebeschikkingen beheren",
      budget: "Begroting welzijn: geplande bedragen",
      profileChanges: "Wijzigingen van partners in hun profiel beoordelen",
      users: "Gebruikers beheren",
      tokens: "API-tokens voor koppelingen",
      audit: "Audittrail: wie heeft wat gewijzigd",
      account: "Mijn account",
    },
    partners: {
      title: "Voor partners",
      text: "Organisaties die met de gemeente samenwerken, vinden hier hun organisatie per werkgebied, het subsidieregister, de samenwerkingsverbanden en de beleidsstukken waarin die genoemd worden. Met een partneraccount houdt u het profiel van uw organisatie bij en verantwoordt u uw subsidie.",
      organisations: "Organisaties per werkgebied",
      register: "Subsidieregister",
      portal: "Partnerportaal: mijn organisatie, subsidies en verantwoordingen",
      partnerships: "Samenwerkingsverbanden",
      api: "Gegevens hergebruiken via de open data-API (OpenAPI)",
      loginText: "Heeft u van de gemeente een account gekregen?",
      login: "Inloggen",
    },
  },
  areas: {
    title: "Gebieden en wijken",
    intro:
      "De gemeente is ingedeeld in gebieden (niveau van buurtpleinen en buurtverbinders) en wijken (CBS-indeling). Inwonertallen komen van het CBS.",
    levels: { gemeente: "Gemeente", gebied: "Gebied", wijk: "Wijk", buurt: "Buurt" },
    levelsPlural: { gemeente: "Gemeenten", gebied: "Gebieden", wijk: "Wijken", buurt: "Buurten" },
    code: "Code",
    name: "Naam",
    parent: "Ligt in",
    population: "Inwoners",
    populationYear: (year: number) => `Inwoners 1 jan. ${year}`,
    namedInPolicy: "Genoemd in beleid",
    namedInPolicyHelp:
      "Wijk die de gemeente in haar beleidsstukken noemt (meerjarenopgave welzijn, §2.2).",
    yes: "ja",
    no: "nee",
    assumption: "aanname",
    assumptionExplained:
      "Geen bron zegt in welk gebied deze wijk ligt. De indeling is een aanname van de beheerder en kan worden aangepast.",
    sumOfChildren: "som van de wijken",
    children: (level: string) => level,
    populationByYear: "Inwoners per jaar",
    year: "Jaar",
    source: "Bron",
    projection: "Bevolkingsprognose",
    projectionGrowth: (growth: string, year: number) => `+${growth} inwoners tot ${year}`,
    projectionOfAncestor: (own: string, area: string, growth: string, year: number) =>
      `Voor ${own} zelf is geen bevolkingsprognose bekend; voor ${area} als geheel verwacht de prognose ${growth} inwoners meer tot ${year}.`,
    map: (name: string) => `Kaart van de wijken in ${name}`,
    mapDescription: "De wijkgrenzen (CBS/PDOK, gegeneraliseerd). De wijken staan ook in de tabel.",
    // On a wijk page there is no table of wijken: the caption says what the map shows instead.
    mapDescriptionPlain: "De wijkgrenzen (CBS/PDOK, gegeneraliseerd).",
    mapDescriptionWijk: (name: string) =>
      `De wijkgrenzen (CBS/PDOK, gegeneraliseerd); ${name} is donker gekleurd, de andere wijken licht.`,
    mapDescriptionGebied: (name: string) =>
      `De wijkgrenzen (CBS/PDOK, gegeneraliseerd); de wijken van ${name} zijn donker gekleurd en staan ook in de tabel.`,
    mapNoBoundaries: "Voor dit gebied zijn geen grenzen bekend.",
    noChildren: "Er zijn geen onderliggende gebieden bekend.",
    noBuurten: "Voor deze wijk zijn nog geen buurtgegevens geladen.",
    changeGebied: "Gebied wijzigen",
    changeGebiedHelp:
      "Kies het gebied waarin deze wijk ligt. De wijziging wordt vastgelegd in de audittrail.",
    gebiedField: "Gebied",
    noteField: "Toelichting (optioneel)",
    save: "Opslaan",
    saved: "De wijziging is opgeslagen.",
    sortBy: (column: string) => `Sorteer op ${column}`,
    total: "Totaal",
    // The heading above a table names it ("Wijken (22)"); the caption says something the heading does not.
    sortedBy: (column: string, descending: boolean) =>
      `Gesorteerd op ${column.toLowerCase()}, ${descending ? "aflopend" : "oplopend"}. Kies een kolomkop om anders te sorteren.`,
    wijkTableCaption: (name: string) => `Inwoners en vermelding in beleid per wijk van ${name}`,
    childListCaption: (name: string) => `Inwoners per onderdeel van ${name}`,
    liesIn: (name: string, level: string) => `${name} ligt in ${level}`,
    residentsOn: (count: string, year: number) =>
      `Op 1 januari ${year} woonden er ${count} mensen.`,
    parentNote: "Over de indeling",
    onThisPage: "Op deze pagina",
    monitorLink: "Alle indicatoren in de monitor",
    noSections: "Voor deze wijk zijn nog geen cijfers of beleidsteksten bekend.",
  },
  search: {
    title: "Zoeken",
    titleFor: (query: string) => `Zoeken: ${query}`,
    intro:
      "Zoek in wijken en gebieden, indicatoren van de monitor en alle beleidsteksten: documenten, onderdelen, doelen en activiteiten. Woordvormen tellen mee: eenzaam vindt ook eenzaamheid.",
    field: "Zoekterm",
    button: "Zoeken",
    none: (query: string) => `Geen resultaten voor "${query}".`,
    count: (results: string, query: string) => `${results} voor "${query}".`,
    didYouMean: "Bedoelde u",
    byKind: "Resultaten per soort",
    allKinds: "Terug naar alle soorten resultaten",
    showAll: (total: number, label: string) => `Alle ${total} resultaten in ${label.toLowerCase()}`,
    tooLong: (max: number) => `Zoekterm is te lang (max. ${max} tekens).`,
  },
  auth: {
    loginTitle: "Inloggen",
    loginIntro: "Log in met de gebruikersnaam en het wachtwoord die u van de beheerder kreeg.",
    username: "Gebruikersnaam",
    password: "Wachtwoord",
    submit: "Inloggen",
    invalid: "De combinatie van gebruikersnaam en wachtwoord is onjuist.",
    tryAgainAt: (at: Date) => {
      const time = new Intl.DateTimeFormat("nl-NL", {
        timeStyle: "short",
        timeZone: "Europe/Amsterdam",
      }).format(at);
      const minutes = Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
      return `Te veel mislukte inlogpogingen. U kunt het om ${time} opnieuw proberen (over ${minutes === 1 ? "1 minuut" : `${minutes} minuten`}).`;
    },
    loggedOut: "U bent uitgelogd.",
    accountTitle: "Mijn account",
    roles: "Rollen",
    changePassword: "Wachtwoord wijzigen",
    currentPassword: "Huidig wachtwoord",
    newPassword: "Nieuw wachtwoord",
    newPasswordHelp: "Minstens 12 tekens.",
    passwordChanged: "Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.",
    logoutButton: "Uitloggen",
    changePasswordFirst:
      "U bent ingelogd met een eenmalig wachtwoord. Kies eerst een eigen wachtwoord; daarna kunt u verder.",
    changePasswordFirstApi:
      "Wijzig eerst uw wachtwoord: dit account heeft een eenmalig wachtwoord, wijzig het op /account.",
    mustChangeNotice:
      "U bent ingelogd met een eenmalig wachtwoord. Kies hieronder een eigen wachtwoord voordat u verdergaat.",
    sessionsTitle: "Sessies",
    logoutEverywhereHelp:
      "Bent u ergens ingelogd gebleven, bijvoorbeeld op een gedeelde computer? Hiermee eindigen al uw sessies, ook deze.",
    logoutEverywhere: "Overal uitloggen",
    loggedOutEverywhere: "U bent overal uitgelogd. Log opnieuw in om verder te gaan.",
  },
  roles: {
    beheerder: "Beheerder",
    beleidsmedewerker: "Beleidsmedewerker",
    partner: "Partner",
    buurtverbinder: "Buurtverbinder",
    inwoner: "Inwoner",
  },
  users: {
    title: "Gebruikers",
    create: "Gebruiker aanmaken",
    displayName: "Naam",
    email: "E-mailadres (optioneel)",
    role: "Rol",
    scope: "Organisatie of buurtplein (voor partner en buurtverbinder)",
    scopeHelp: "Naam of code van de organisatie (partner) of het buurtplein (buurtverbinder).",
    created: (username: string) => `Gebruiker ${username} is aangemaakt.`,
    initialPassword: "Eenmalig wachtwoord (geef dit veilig door; het wordt niet opnieuw getoond):",
    active: "Actief",
    lastLogin: "Laatst ingelogd",
    never: "nooit",
    empty: "Er zijn nog geen gebruikers.",
    status: "Status",
    statusActive: "Actief",
    statusInactive: "Gedeactiveerd",
    mustChange: "moet wachtwoord wijzigen",
    listCaption: (total: number) =>
      `Gebruikers (${total === 1 ? "1 gebruiker" : `${total} gebruikers`})`,
    newAccountLink: (username: string) => `Naar de gebruiker ${username}`,
    detailTitle: (username: string) => `Gebruiker ${username}`,
    createdAt: "Aangemaakt",
    actions: "Acties",
    resetPassword: "Wachtwoord opnieuw instellen",
    resetPasswordHelp:
      "Maakt een eenmalig wachtwoord dat u één keer te zien krijgt. De gebruiker moet het na het inloggen wijzigen; alle sessies van dit account eindigen nu.",
    resetDone: (username: string) =>
      `Het wachtwoord van ${username} is opnieuw ingesteld. De sessies van dit account zijn beëindigd.`,
    deactivate: "Deactiveren",
    deactivateHelp:
      "De gebruiker kan niet meer inloggen; sessies en API-tokens van dit account werken meteen niet meer.",
    deactivated: (username: string) => `${username} is gedeactiveerd.`,
    reactivate: "Heractiveren",
    reactivateHelp: "De gebruiker kan weer inloggen met het bestaande wachtwoord.",
    reactivated: (username: string) => `${username} is weer actief.`,
    rolesTitle: "Rollen",
    rolesCaption: (username: string) => `Rollen van ${username}`,
    noScope: "—",
    removeRole: "Verwijderen",
    removeRoleLabel: (role: string) => `rol ${role}`,
    roleRemoved: (role: string) => `De rol ${role} is verwijderd.`,
    addRole: "Rol toevoegen",
    roleAdded: (role: string) => `De rol ${role} is toegevoegd.`,
    actionColumn: "Actie",
  },
  tokens: {
    title: "API-tokens",
    intro:
      "Met een API-token gebruikt een systeem (bijvoorbeeld dat van een partner) de API namens een gebruiker, met diens rollen. Stuur het mee als Authorization: Bearer <token>.",
    account: "Gebruiker",
    chooseAccount: "Kies een gebruiker",
    name: "Naam",
    nameHelp: "Waarvoor het token is, bijvoorbeeld het systeem dat het gebruikt.",
    created: "Aangemaakt",
    createdBy: (username: string) => `door ${username}`,
    expires: "Verloopt op",
    expiresHelp: (latest: string) =>
      `Het token werkt tot deze datum. Standaard over 90 dagen, hoogstens twee jaar (uiterlijk ${latest}).`,
    lastUsed: "Laatst gebruikt",
    never: "nooit",
    status: "Status",
    actions: "Actie",
    statuses: {
      actief: "actief",
      ingetrokken: "ingetrokken",
      verlopen: "verlopen",
      gedeactiveerd: "gebruiker gedeactiveerd",
    },
    empty: "Er zijn nog geen API-tokens.",
    issue: "Token uitgeven",
    issued: (name: string, username: string) =>
      `Het token "${name}" voor ${username} is aangemaakt.`,
    copyNow:
      "Kopieer het token nu en geef het veilig door: het wordt niet opnieuw getoond. Samenkracht bewaart alleen een hash, waaruit het token niet terug te halen is.",
    tokenLabel: "Token",
    usage: "Gebruik:",
    revoke: "Intrekken",
    revokeLabel: (name: string, username: string) => `Token ${name} van ${username} intrekken`,
    revoked: "Het token is ingetrokken; het werkt niet meer.",
  },
  audit: {
    title: "Audittrail",
    intro: "Elke wijziging van gegevens: wie, wanneer, wat, en de waarden ervoor en erna.",
    when: "Wanneer",
    who: "Wie",
    action: "Handeling",
    entity: "Gegeven",
    summary: "Omschrijving",
    details: "Ervoor en erna",
    recordId: "Intern kenmerk",
    before: "Ervoor",
    after: "Erna",
    actions: { create: "aangemaakt", update: "gewijzigd", delete: "verwijderd" },
    filter: "Filteren",
    filterEntity: "Soort gegeven",
    filterActor: "Gebruiker",
    filterFrom: "Vanaf datum",
    filterTo: "Tot en met datum",
    all: "Alle",
    empty: "Geen auditregels gevonden voor dit filter.",
    system: "systeem",
  },
  notifications: {
    title: "Meldingen",
    intro:
      "Berichten van Samenkracht voor u, de nieuwste eerst. Staat er een e-mailadres bij uw account, dan krijgt u ze ook per e-mail.",
    /** The header link of a logged-in user, with the number of unread messages. */
    header: (unread: number) => `Meldingen (${unread})`,
    empty: "U heeft geen meldingen.",
    caption: (total: number) =>
      `Uw meldingen, de nieuwste eerst (${countOf(total, "melding", "meldingen")})`,
    received: "Ontvangen",
    message: "Melding",
    status: "Status",
    action: "Actie",
    unread: "Ongelezen",
    read: "Gelezen",
    open: "Bekijken",
    markRead: "Markeer als gelezen",
    markedRead: "De melding is als gelezen gemarkeerd.",
    markAll: "Alles als gelezen markeren",
    markAllHelp: "Markeert al uw ongelezen meldingen als gelezen, ook die op andere pagina's.",
    markedAllRead: (n: number) =>
      n === 0
        ? "Er waren geen ongelezen meldingen."
        : `${countOf(n, "melding is", "meldingen zijn")} als gelezen gemarkeerd.`,
  },
  outbox: {
    title: "Uitgaande e-mail",
    intro:
      "E-mail die nog niet is verstuurd: wachtend op een (nieuwe) poging, of mislukt na de laatste poging. Lukt het versturen niet, dan wacht Samenkracht steeds langer (tot een uur) en geeft het na enkele uren op. De tekst van de berichten staat hier niet.",
    empty: "Er wacht geen e-mail: alles is verstuurd.",
    caption: (total: number) => `E-mail die nog niet is verstuurd (${formatNumber(total)})`,
    created: "Aangemaakt",
    recipient: "Aan",
    subject: "Onderwerp",
    status: "Status",
    attempts: "Pogingen",
    nextAttempt: "Volgende poging",
    lastError: "Laatste fout",
    statuses: { pending: "wacht", failed: "mislukt", sent: "verstuurd" },
  },
  pagination: {
    label: "Paginering",
    previous: "Vorige",
    next: "Volgende",
    pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  },
  form: {
    errorSummary: "Er is iets niet goed ingevuld",
    required: "verplicht",
    /** The limit of a text field, stated in its description before anything is typed. */
    limit: (max: number) => `Hoogstens ${formatNumber(max)} tekens.`,
    /** The count under a text area; the server renders it, a script may keep it current. */
    count: (used: number, max: number) =>
      `${formatNumber(used)} van ${formatNumber(max)} tekens gebruikt`,
    over: (by: number) => `${formatNumber(by)} te veel`,
    missing: (label: string) => `${label} is verplicht.`,
    tooLong: (label: string, max: number, used: number) =>
      `${label} is te lang: hoogstens ${formatNumber(max)} tekens (nu ${formatNumber(used)}).`,
    notOneOf: (label: string, allowed: readonly string[]) =>
      `${label} moet een van deze zijn: ${allowed.join(", ")}.`,
    outOfRange: (label: string, min: number, max: number) =>
      `${label} moet een getal van ${formatNumber(min)} tot en met ${formatNumber(max)} zijn.`,
  },
  errors: {
    400: { title: "Ongeldige invoer", text: "Het verzoek bevat ongeldige gegevens." },
    401: { title: "Niet ingelogd", text: "U moet ingelogd zijn om deze pagina te bekijken." },
    403: {
      title: "Geen toegang",
      text: "U heeft geen rechten om deze pagina te bekijken of deze handeling uit te voeren.",
    },
    404: {
      title: "Pagina niet gevonden",
      text: "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.",
    },
    429: {
      title: "Te veel verzoeken",
      text: "U heeft te veel verzoeken gedaan. Wacht even en probeer het opnieuw.",
      retryIn: (seconds: number) =>
        seconds < 90
          ? `Te veel pogingen vanaf dit adres. Probeer het over ${seconds} seconden opnieuw.`
          : `Te veel pogingen vanaf dit adres. Probeer het over ${Math.ceil(seconds / 60)} minuten opnieuw.`,
    },
    500: {
      title: "Er ging iets mis",
      text: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
    },
    backHome: "Naar de startpagina",
  },
} as const;

export type Messages = typeof nl;

const numberFormat = new Intl.NumberFormat("nl-NL");
export const formatNumber = (n: number): string => numberFormat.format(n);
const dateTimeFormat = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});
export const formatDateTime = (d: Date): string => dateTimeFormat.format(d);

/**
 * A count with its noun in the right number, Dutch style: "1 resultaat", "2 resultaten",
 * "0 resultaten". The plural is given, as Dutch plurals are irregular (regel/regels,
 * meting/metingen, correctie/correcties). The number is formatted the Dutch way (1.234).
 */
export const countOf = (n: number, singular: string, plural: string): string =>
  `${formatNumber(n)} ${n === 1 ? singular : plural}`;
