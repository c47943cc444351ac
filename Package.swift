// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "portail-cctoval",
    // Linux only: the server, the tests and the tools call Glibc directly (sockets, rlimits, file descriptors).
    products: [
        .executable(name: "portal-server", targets: ["portal-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // zlib from the system (zlib1g-dev), for gzip response compression and PDF streams.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

        // Our small PDF writer: pages of text, lines and rectangles in the standard fonts,
        // Flate-compressed. Knows nothing of the portal.
        .target(name: "PortalPDF", dependencies: ["CZlib"]),

        // The HTTP/1.1 server: parser, connection state machine, socket transport, router.
        // Knows nothing of the portal.
        .target(
            name: "PortalHTTP",
            dependencies: ["CZlib"]
        ),

        // Domain model, rules, permissions and storage. Knows nothing of HTTP.
        .target(
            name: "PortalCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),

        // PayFiP's SOAP protocol: the client of the DGFiP's service, and the notifications of the
        // built-in simulator (which lives in PortalCore). Foundation's URLSession and XMLParser.
        .target(
            name: "PortalPayFiP",
            dependencies: ["PortalCore"]
        ),

        // The portal's web application: sessions, CSRF, templates, handlers.
        .target(
            name: "PortalWeb",
            dependencies: [
                "PortalHTTP",
                "PortalCore",
                "PortalPayFiP",
                "PortalPDF",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .executableTarget(
            name: "portal-server",
            dependencies: [
                "PortalWeb",
                "PortalCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // A raw-socket HTTP client for tests of any layer that runs the real server.
        .target(name: "PortalTestSupport", dependencies: ["PortalHTTP"]),

        .testTarget(name: "PortalHTTPTests", dependencies: ["PortalHTTP", "PortalTestSupport"]),
        .testTarget(name: "PortalPDFTests", dependencies: ["PortalPDF", "CZlib", "PortalTestSupport"]),
        .testTarget(name: "PortalPayFiPTests", dependencies: ["PortalPayFiP", "PortalCore"]),
        .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PortalWebTests",
            dependencies: ["PortalWeb", "PortalHTTP", "PortalCore", "PortalTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Mustache", package: "swift-mustache"), .product(name: "Logging", package: "swift-log")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
