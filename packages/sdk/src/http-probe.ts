export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpRequest {
  method?: string;
  /** A `host` header is sent as given: a proxy routing by host name can be asked for any name. */
  headers?: Record<string, string>;
  body?: string;
  /** Per-request timeout in milliseconds (default 5 s). */
  timeoutMs?: number;
}

/** Plain HTTP from the host. Network failures resolve as a thrown Error with the cause's code. */
export interface HttpProbe {
  request(url: string, req?: HttpRequest): Promise<HttpResponse>;
}
