/// A catalogue entry (démarche): what it is, who handles it, what to bring, cost, delay.
public struct Procedure: Sendable, Hashable, Identifiable {
    /// A stable URL-safe identifier such as `"acte-de-naissance"`.
    public var slug: String
    /// The displayed title ("Demander un acte de naissance").
    public var title: String
    /// The id of the procedure's category.
    public var categoryId: String
    /// One sentence shown in lists.
    public var summary: String
    /// A paragraph shown on the procedure page.
    public var description: String?
    /// Other words residents use for it ("extrait de naissance", "CNI"…), used by search.
    public var synonyms: [String]
    /// What to bring or supply.
    public var documents: [String]
    /// The cost, as displayed ("Gratuit").
    public var cost: String?
    /// The usual delay, as displayed.
    public var delay: String?
    /// How the procedure can be done.
    public var channels: [Channel]
    /// An outside online service, if any.
    public var onlineURL: String?
    /// Plain-text instructions.
    public var howTo: String?
    /// True when the procedure is among the most used.
    public var popular: Bool
    /// Who handles the procedure by default.
    public var handler: HandlerRule
    /// Per-commune departures from the default handler.
    public var exceptions: [ProcedureException]
    /// What silence means for a request of this procedure, and when.
    public var silence: SilenceRule
    /// What the team must still check or do about this entry; never shown on public pages, listed in `/admin`.
    public var staffNote: String?
    /// False once an administrator unpublished it: public pages, search and new requests leave it
    /// out; its dossiers keep working.
    public var isPublished: Bool
    /// The first and last days residents see it, both included; nil: no limit on that side.
    public var publishedFrom: CalendarDay?
    public var publishedUntil: CalendarDay?
    /// Addresses the procedure had before (`/demarches/{former}`), which redirect to its page.
    public var formerSlugs: [String]

    /// The slug.
    public var id: String { slug }

    /// Creates a procedure.
    public init(
        slug: String, title: String, categoryId: String, summary: String, description: String? = nil,
        synonyms: [String] = [], documents: [String] = [], cost: String? = nil, delay: String? = nil,
        channels: [Channel] = [], onlineURL: String? = nil, howTo: String? = nil, popular: Bool = false,
        handler: HandlerRule, exceptions: [ProcedureException] = [], silence: SilenceRule = .default,
        staffNote: String? = nil, isPublished: Bool = true, publishedFrom: CalendarDay? = nil, publishedUntil: CalendarDay? = nil,
        formerSlugs: [String] = []
    ) {
        self.slug = slug
        self.title = title
        self.categoryId = categoryId
        self.summary = summary
        self.description = description
        self.synonyms = synonyms
        self.documents = documents
        self.cost = cost
        self.delay = delay
        self.channels = channels
        self.onlineURL = onlineURL
        self.howTo = howTo
        self.popular = popular
        self.handler = handler
        self.exceptions = exceptions
        self.silence = silence
        self.staffNote = staffNote
        self.isPublished = isPublished
        self.publishedFrom = publishedFrom
        self.publishedUntil = publishedUntil
        self.formerSlugs = formerSlugs
    }

    /// Whether residents see it on `day`: published, and `day` in its publication window.
    public func isVisible(on day: CalendarDay) -> Bool {
        isPublished && publishedFrom.map { $0 <= day } ?? true && publishedUntil.map { day <= $0 } ?? true
    }

    /// The exception that applies to the commune with this INSEE code, if any.
    public func exception(forCommune insee: String) -> ProcedureException? {
        exceptions.first { $0.communeInsee == insee }
    }

    /// True when the procedure can be started online: an outside service, or
    /// (without `onlineURL`) soon on this portal.
    public var isOnline: Bool { channels.contains(.online) }
}

/// A way of doing a procedure.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Online: at `Procedure.onlineURL`, or soon on this portal when there is none.
    case online
    /// In person at a counter.
    case counter
    /// By post.
    case post
    /// By phone.
    case phone
}

/// Which organisation handles a procedure by default (the compétence).
public enum HandlerRule: Sendable, Hashable {
    /// The mairie of the resident's commune.
    case communal
    /// A service of the Communauté de communes.
    case intercommunal(organisationId: String)
    /// An outside body, with the organisations where residents go in person (`counters`).
    case external(organisationId: String, counters: [String])
}

/// A per-commune departure from a procedure's default handler.
public struct ProcedureException: Sendable, Hashable {
    /// What happens in that commune instead.
    public enum Rule: Sendable, Hashable {
        /// The procedure is not offered in the commune.
        case notOffered
        /// Another organisation (usually a neighbouring mairie) handles it.
        case handledBy(organisationId: String)
    }

    /// The INSEE code of the commune concerned.
    public var communeInsee: String
    /// What happens there.
    public var rule: Rule
    /// An explanation for residents.
    public var note: String?

    /// Creates an exception.
    public init(communeInsee: String, rule: Rule, note: String? = nil) {
        self.communeInsee = communeInsee
        self.rule = rule
        self.note = note
    }
}
