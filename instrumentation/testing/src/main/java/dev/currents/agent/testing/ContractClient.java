package dev.currents.agent.testing;

/**
 * What a module supplies to run {@link ClientContract}: its client library sending one request, as an application
 * would.
 */
@FunctionalInterface
public interface ContractClient {

  /**
   * Sends {@code request} and blocks until its response has arrived.
   *
   * @return the response's status, whatever it is (a 4xx or 5xx is a status, not a failure)
   * @throws Exception what the client throws when there is no response (refused, timed out)
   */
  int send(ContractRequest request) throws Exception;
}
