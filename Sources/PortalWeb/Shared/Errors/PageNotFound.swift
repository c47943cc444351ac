import PortalHTTP

/// The page asked for does not exist, or the account may not see it (both answer 404).
struct PageNotFound: HTTPResponseError {
    var status: HTTPStatus { .notFound }
}
