/**
 * The agent's advice for Reactor Netty's HttpClient. It lives in Reactor Netty's package because it is inlined
 * into {@code HttpClientOperations} and {@code HttpClientConnect.HttpClientHandler}, which are package-private,
 * and reads package-private members there ({@code HttpClientHandler.toURI} and the scheme, host and port of its
 * {@code UriEndpoint}): so the host check costs a few field reads and no allocation, with no reflection. These
 * classes are never loaded into the application: Byte Buddy copies their code into Reactor Netty's own classes,
 * where the package-private access is legal. Each advice only gathers facts and hands them to {@code
 * ReactorNettyAttempts}, in the bootstrap class loader.
 */
package reactor.netty.http.client;
