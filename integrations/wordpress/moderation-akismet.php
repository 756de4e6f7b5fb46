<?php
/**
 * Plugin Name: Akismet through the moderation service
 * Description: Sends the Akismet plugin's API calls to your self-hosted moderation service instead of rest.akismet.com, keeps comments the service holds pending for a moderator, and lets Spam / Not Spam clicks reach the right comment there.
 * Version: 1.0.0
 * Requires at least: 5.0
 * Requires PHP: 7.0
 * License: MIT
 *
 * Install: copy this file to wp-content/mu-plugins/ (a must-use plugin cannot be switched off by
 * accident; create the folder if it is missing), or to wp-content/plugins/ and activate it. Keep
 * the Akismet plugin installed and ACTIVE: this file only redirects it.
 *
 * Configure: name the service in wp-config.php (on Debian and Ubuntu's wordpress package:
 * /etc/wordpress/config-<host>.php), above the "stop editing" line:
 *
 *     define( 'MODERATION_URL', 'http://127.0.0.1:8000' );  // the service's address
 *
 * then enter the site's Akismet key (12 hexadecimal characters, printed by
 * `moderation sites create`) on Settings > Akismet Anti-Spam, or define WPCOM_API_KEY.
 * Without MODERATION_URL this file does nothing and Akismet talks to rest.akismet.com as usual.
 *
 * What it does:
 * - Every request for rest.akismet.com or <anything>.rest.akismet.com (any scheme), and the
 *   plugin's per-IP checks (https://<ip>/... with "Host: rest.akismet.com"), goes to
 *   MODERATION_URL with the same path and query; the Host header is dropped so the service sees
 *   its own name. That includes the connectivity test (/1.1/test), so the settings page shows the
 *   site connected without any access to akismet.com; its per-IP check (a DNS lookup of
 *   rest.akismet.com, then a request per address) is skipped.
 * - The service answers comment-check with X-Moderation-Status (approved, held, rejected). Akismet
 *   only knows spam / not spam; a held comment is "not spam", so this plugin makes it pending
 *   (comment_approved = 0) whatever the discussion settings would have done. Spam stays Akismet's.
 * - The answer's X-akismet-guid (the service's id of the comment) is kept in the comment's meta
 *   (moderation_guid, with moderation_status); submit-spam / submit-ham for that comment carry it
 *   as guid, so the service labels the comment it checked.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

if ( ! class_exists( 'Moderation_Akismet' ) ) {

	/**
	 * The filters, as static methods (no state beyond the one comment a request submits).
	 */
	final class Moderation_Akismet {

		const META_GUID   = 'moderation_guid';
		const META_STATUS = 'moderation_status';
		const API_HOST    = 'rest.akismet.com';

		/**
		 * What the service said about the comment this request is submitting:
		 * array( 'post_id' => int, 'guid' => string, 'status' => string ), or null.
		 *
		 * @var array|null
		 */
		private static $last_check = null;

		/**
		 * True while this plugin is making its own request (never reroute it again).
		 *
		 * @var bool
		 */
		private static $sending = false;

		public static function init() {
			add_filter( 'pre_http_request', array( __CLASS__, 'reroute' ), 10, 3 );
			// After Akismet's own pre_comment_approved filter (priority 10).
			add_filter( 'pre_comment_approved', array( __CLASS__, 'hold' ), 20, 2 );
			add_action( 'comment_post', array( __CLASS__, 'remember' ), 10, 3 );
			// The settings page may test each address of rest.akismet.com (gethostbynamel(), then
			// verify-key per IP) when this option holds an earlier result. Those addresses mean
			// nothing when the service answers, and offline the DNS lookup only waits: skip it.
			// The connectivity test that decides the page's "can't connect" banner is /1.1/test,
			// rerouted like every other call.
			add_filter( 'option_akismet_available_servers', array( __CLASS__, 'no_servers' ) );
		}

		/**
		 * option_akismet_available_servers: false, so Akismet skips its per-IP check.
		 *
		 * @param mixed $value The stored list of servers.
		 * @return mixed
		 */
		public static function no_servers( $value ) {
			return '' === self::base_url() ? $value : false;
		}

		/**
		 * MODERATION_URL without a trailing slash, or '' when it is not defined.
		 *
		 * @return string
		 */
		public static function base_url() {
			if ( ! defined( 'MODERATION_URL' ) ) {
				return '';
			}
			return untrailingslashit( trim( (string) constant( 'MODERATION_URL' ) ) );
		}

		/**
		 * Whether $host is rest.akismet.com or one of its subdomains (<key>.rest.akismet.com).
		 *
		 * @param string $host A host name.
		 * @return bool
		 */
		private static function is_akismet_host( $host ) {
			$host   = strtolower( rtrim( trim( (string) $host ), '.' ) );
			$suffix = '.' . self::API_HOST;
			return self::API_HOST === $host
				|| ( strlen( $host ) > strlen( $suffix ) && substr( $host, -strlen( $suffix ) ) === $suffix );
		}

		/**
		 * A request header's value (names compare case-insensitively), or ''.
		 *
		 * @param mixed  $headers The request's headers.
		 * @param string $name    The header's name.
		 * @return string
		 */
		private static function header_value( $headers, $name ) {
			if ( is_array( $headers ) ) {
				foreach ( $headers as $key => $value ) {
					if ( is_string( $key ) && 0 === strcasecmp( $key, $name ) ) {
						return is_scalar( $value ) ? (string) $value : '';
					}
				}
			}
			return '';
		}

		/**
		 * The request body's fields (form-encoded string or array), for reading only.
		 *
		 * @param mixed $body The request's body.
		 * @return array
		 */
		private static function body_fields( $body ) {
			if ( is_array( $body ) ) {
				return $body;
			}
			$fields = array();
			if ( is_string( $body ) && '' !== $body ) {
				parse_str( $body, $fields );
			}
			return $fields;
		}

		/**
		 * Add one field to a form body, leaving what is there as it is.
		 *
		 * @param mixed  $body  The request's body.
		 * @param string $name  The field's name.
		 * @param string $value Its value.
		 * @return mixed
		 */
		private static function add_field( $body, $name, $value ) {
			if ( is_array( $body ) ) {
				$body[ $name ] = $value;
				return $body;
			}
			$body = is_string( $body ) ? $body : '';
			return $body . ( '' === $body ? '' : '&' ) . rawurlencode( $name ) . '=' . rawurlencode( $value );
		}

		/**
		 * The field as a string ('' when absent or not a string).
		 *
		 * @param array  $fields Parsed body fields.
		 * @param string $name   The field's name.
		 * @return string
		 */
		private static function field( $fields, $name ) {
			return isset( $fields[ $name ] ) && is_scalar( $fields[ $name ] ) ? (string) $fields[ $name ] : '';
		}

		/**
		 * pre_http_request: send the Akismet plugin's requests to the moderation service.
		 *
		 * @param false|array|WP_Error $preempt A response another filter already chose, or false.
		 * @param array                $args    The request's arguments.
		 * @param string               $url     The request's URL.
		 * @return false|array|WP_Error
		 */
		public static function reroute( $preempt, $args, $url ) {
			if ( false !== $preempt || self::$sending ) {
				return $preempt;
			}
			$base = self::base_url();
			if ( '' === $base || ! is_string( $url ) ) {
				return $preempt;
			}
			$parts = wp_parse_url( $url );
			if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
				return $preempt;
			}
			$host    = $parts['host'];
			$headers = isset( $args['headers'] ) ? $args['headers'] : array();
			if ( ! self::is_akismet_host( $host ) ) {
				// Akismet_Admin::check_server_ip_connectivity() asks each address of
				// rest.akismet.com directly: https://<ip>/1.1/verify-key, "Host: rest.akismet.com".
				$address = trim( $host, '[]' );
				if ( false === filter_var( $address, FILTER_VALIDATE_IP ) || ! self::is_akismet_host( self::header_value( $headers, 'Host' ) ) ) {
					return $preempt;
				}
			}

			$path     = isset( $parts['path'] ) ? $parts['path'] : '/';
			$endpoint = basename( $path );
			$body     = isset( $args['body'] ) ? $args['body'] : '';
			$fields   = self::body_fields( $body );

			// A key named only in the host (<key>.rest.akismet.com) goes in the body, where the
			// service reads it: "key" for verify-key, "api_key" elsewhere, as Akismet names them.
			$lower = strtolower( $host );
			if ( self::is_akismet_host( $lower ) && self::API_HOST !== $lower && '' === self::field( $fields, 'api_key' ) && '' === self::field( $fields, 'key' ) ) {
				$key  = substr( $host, 0, -strlen( '.' . self::API_HOST ) );
				$body = self::add_field( $body, 'verify-key' === $endpoint ? 'key' : 'api_key', $key );
			}

			// Feedback names the comment the service checked.
			if ( ( 'submit-spam' === $endpoint || 'submit-ham' === $endpoint ) && '' === self::field( $fields, 'guid' ) ) {
				$comment_id = (int) self::field( $fields, 'comment_ID' );
				$guid       = $comment_id > 0 ? get_comment_meta( $comment_id, self::META_GUID, true ) : '';
				if ( is_string( $guid ) && '' !== $guid ) {
					$body = self::add_field( $body, 'guid', $guid );
				}
			}

			$args['body'] = $body;
			if ( is_array( $headers ) ) {
				foreach ( array_keys( $headers ) as $name ) {
					if ( is_string( $name ) && 0 === strcasecmp( $name, 'Host' ) ) {
						unset( $headers[ $name ] );
					}
				}
				$args['headers'] = $headers;
			}

			$target = $base . $path . ( isset( $parts['query'] ) && '' !== $parts['query'] ? '?' . $parts['query'] : '' );

			self::$sending = true;
			try {
				$response = wp_remote_request( $target, $args );
			} finally {
				self::$sending = false;
			}

			// A new comment's check (a recheck names its reason and has a stored comment already).
			if ( 'comment-check' === $endpoint && '' === self::field( $fields, 'recheck_reason' ) && ! is_wp_error( $response ) ) {
				self::$last_check = array(
					'post_id' => (int) self::field( $fields, 'comment_post_ID' ),
					'guid'    => self::response_header( $response, 'x-akismet-guid' ),
					'status'  => strtolower( self::response_header( $response, 'x-moderation-status' ) ),
				);
			}

			return $response;
		}

		/**
		 * A response header's value ('' when absent; the first one when repeated).
		 *
		 * @param array  $response A wp_remote_request() response.
		 * @param string $name     The header's name.
		 * @return string
		 */
		private static function response_header( $response, $name ) {
			$value = wp_remote_retrieve_header( $response, $name );
			if ( is_array( $value ) ) {
				$value = reset( $value );
			}
			return is_scalar( $value ) ? trim( (string) $value ) : '';
		}

		/**
		 * Whether the last check was for this comment (a request submits one comment).
		 *
		 * @param array $commentdata The comment being saved.
		 * @return bool
		 */
		private static function checked( $commentdata ) {
			if ( null === self::$last_check || ! is_array( $commentdata ) ) {
				return false;
			}
			$post_id = isset( $commentdata['comment_post_ID'] ) ? (int) $commentdata['comment_post_ID'] : 0;
			return self::$last_check['post_id'] === $post_id;
		}

		/**
		 * pre_comment_approved: a comment the service holds waits for a moderator.
		 *
		 * @param int|string|WP_Error $approved    1, 0, 'spam', 'trash' or an error.
		 * @param array               $commentdata The comment.
		 * @return int|string|WP_Error
		 */
		public static function hold( $approved, $commentdata ) {
			if ( is_wp_error( $approved ) || 'spam' === $approved || 'trash' === $approved ) {
				return $approved;
			}
			if ( self::checked( $commentdata ) && 'held' === self::$last_check['status'] ) {
				return 0;
			}
			return $approved;
		}

		/**
		 * comment_post: keep the service's id and decision with the saved comment.
		 *
		 * @param int        $comment_id  The new comment's id.
		 * @param int|string $approved    Its status.
		 * @param array      $commentdata The comment.
		 */
		public static function remember( $comment_id, $approved = 0, $commentdata = array() ) {
			if ( ! self::checked( $commentdata ) ) {
				return;
			}
			if ( '' !== self::$last_check['guid'] ) {
				update_comment_meta( (int) $comment_id, self::META_GUID, self::$last_check['guid'] );
			}
			if ( '' !== self::$last_check['status'] ) {
				update_comment_meta( (int) $comment_id, self::META_STATUS, self::$last_check['status'] );
			}
			self::$last_check = null;
		}
	}

	Moderation_Akismet::init();
}
