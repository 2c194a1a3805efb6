package dev.currents.agent.testing;

/**
 * What a module supplies to run {@link ClientContract}: its client library sending one request, as an application
 * would. Closed after the test class.
 */
@FunctionalInterface
public interface ContractClient extends AutoCloseable {

  /**
   * Sends {@code request} and blocks until its response has arrived.
   *
   * @return the response's status, whatever it is (a 4xx or 5xx is a status, not a failure)
   * @throws Exception what the client throws when there is no response (refused, timed out)
   */
  int send(ContractRequest request) throws Exception;

  @Override
  default void close() throws Exception {}

  /** {@code sender}, closing {@code library} (the client it sends with) when closed. */
  static ContractClient closing(AutoCloseable library, ContractClient sender) {
    return new ContractClient() {
      @Override
      public int send(ContractRequest request) throws Exception {
        return sender.send(request);
      }

      @Override
      public void close() throws Exception {
        library.close();
      }
    };
  }
}
